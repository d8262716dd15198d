{# A figure as a person writes it: 11, 0.35, 123456789 (no trailing zeros, no exponent). #}
{% macro number_text(expression) -%}
    rtrim(rtrim(format('{:.4f}', ({{ expression }})::double), '0'), '.')
{%- endmacro %}
