-- depends_on: {{ ref('stg_issues') }}
{{ config(unique_key=['article_id', 'position'], post_hook="{{ record_paper_placements() }}") }}
with

mentions as (

    select * from {{ ref('stg_people_mentions') }}
    {% if is_incremental() %}
    where issue_id in ({{ issues_to_place() }})
    {% endif %}

),

articles as (

    select * from {{ ref('articles') }}

),

papers as (

    select * from {{ ref('papers') }}

),

placed as (

    select
        mentions.article_id,
        mentions.person,
        {{ locality('mentions.title_place', 'mentions.title_level', 'mentions.title_level_rank', 'papers') }}
            as locality,
        mentions.title,
        mentions.position,
        mentions.issue_id,
        articles.paper,
        articles.published_on,
        articles.parsed_at

    from mentions
    inner join articles
        on articles.article_id = mentions.article_id
    left join papers
        on papers.paper = articles.paper

),

final as (

    select
        {{ person_id('person', 'locality') }} as person_id,
        *

    from placed

)

select * from final
