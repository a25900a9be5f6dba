{#- Where a titled person belongs: the place the title names (`东山市委书记`); else the paper's place
    when the post is at the paper's level or below it (a town's secretary in a district paper is
    within the district); a post above the paper's level belongs to the place above it, which the
    paper's name does not tell: `<paper's place>所属<level>` (`西岭区所属市`, the city 西岭区 is in);
    NULL without a paper. Ranks: 0 national ... 5 village (gazette_text/vocabulary.py). -#}
{% macro locality(title_place, title_level, title_level_rank, papers) -%}
    case
        when {{ title_place }} is not null then {{ title_place }}
        when {{ papers }}.paper is null then null
        when {{ title_level_rank }} = 0 then {{ title_level }}
        when {{ title_level_rank }} is null or {{ papers }}.level_rank is null
            or {{ title_level_rank }} >= {{ papers }}.level_rank then {{ papers }}.locality
        else {{ papers }}.locality || '所属' || {{ title_level }}
    end
{%- endmacro %}

{#- A person is a name within a locality: `韦明@东山区`, or the name alone when the locality is unknown. -#}
{% macro person_id(person, locality) -%}
    {{ person }} || coalesce('@' || {{ locality }}, '')
{%- endmacro %}
