-- The athlete_progress view behind GET /athletes: each athlete with their number of goals, achieved goals and the
-- next open target date. Repeatable: migrator re-runs it whenever this file changes, so edit the view here.
-- It uses only columns created by 001; rollback/001 drops it before dropping its tables.
create or replace view athlete_progress as
select a.id                                                      as athlete_id,
       a.name,
       a.sport,
       count(g.id)                                               as goals,
       count(g.id) filter (where g.achieved)                     as achieved_goals,
       min(g.target_date) filter (where not g.achieved)          as next_target_date
from athlete a
         left join training_goal g on g.athlete_id = a.id
group by a.id, a.name, a.sport;
