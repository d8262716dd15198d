{#- Counts are compared exactly (or within count_abs_tolerance); money within a relative tolerance. -#}
{% macro within_tolerance(lhs, rhs, is_money) -%}
    (case
        when {{ is_money }} then abs({{ lhs }} - {{ rhs }})
            <= {{ var('money_rel_tolerance') }} * greatest(abs({{ lhs }}), abs({{ rhs }}), 1e-9)
        else abs({{ lhs }} - {{ rhs }}) <= {{ var('count_abs_tolerance') }}
    end)
{%- endmacro %}
