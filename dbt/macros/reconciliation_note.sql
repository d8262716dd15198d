{#
  The note of a reconciliation row. A failing row says what disagrees with what in the words of the
  rule (the part of the identity that failed, both sides and their values) and by how much, then the
  evaluation's own note (blank operands counted as zero ...). Other rows keep the evaluation's note.
#}
{% macro reconciliation_note(rel, expression) -%}
    {%- set part -%}
        trim(string_split({{ expression }}, ';')[coalesce(try_cast(replace({{ rel }}.subject, 'part ', '') as integer), 1)])
    {%- endset -%}
    {%- set lhs = number_text(rel ~ '.lhs') -%}
    {%- set rhs = number_text(rel ~ '.rhs') -%}
    case
        when {{ rel }}.status <> 'fail' then {{ rel }}.note
        else concat_ws('; ',
            case
                when {{ rel }}.rule_id = 'X-CARRY'
                    then 'carried over from last year: ' || {{ lhs }} || ', but last year''s report carried forward ' || {{ rhs }}
                when {{ rel }}.rule_id = 'X-T2-ITEMS'
                    then {{ rel }}.subject || ' is ' || {{ lhs }} || ', but last year''s items plus change give ' || {{ rhs }}
                when {{ rel }}.rule_id = 'X-NARRATIVE'
                    then 'the text states ' || {{ lhs }} || ' for ' || {{ rel }}.subject || ', the table prints ' || {{ rhs }}
                when {{ rel }}.rule_id = 'X-LINEAGE'
                    then 'staged ' || {{ lhs }} || ' figures, the fact table holds ' || {{ rhs }}
                when {{ rel }}.rule_id = 'R-T3-APPLICANTS'
                    then 'row ' || {{ rel }}.subject || ': the total column prints ' || {{ lhs }}
                         || ', the applicant columns add up to ' || {{ rhs }}
                when contains({{ part }}, '<=')
                    then trim(split_part({{ part }}, '<=', 1)) || ' is ' || {{ lhs }}
                         || ', more than ' || trim(split_part({{ part }}, '<=', 2)) || ' = ' || {{ rhs }}
                when contains({{ part }}, '=')
                    then trim(split_part({{ part }}, '=', 1)) || ' prints ' || {{ lhs }}
                         || ', but ' || trim(split_part({{ part }}, '=', 2)) || ' add up to ' || {{ rhs }}
                else 'left side ' || {{ lhs }} || ', right side ' || {{ rhs }}
            end,
            'off by ' || {{ number_text(rel ~ '.residual') }},
            {{ rel }}.note)
    end
{%- endmacro %}
