-- Initial schema: athletes and their training goals, the two tables the REST API reads and writes.
-- A goal belongs to exactly one athlete and disappears with it.
create table athlete (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 200),
    sport      text not null check (length(sport) between 1 and 100),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table training_goal (
    id          bigint generated always as identity primary key,
    athlete_id  bigint not null references athlete (id) on delete cascade,
    description text not null check (length(description) between 1 and 500),
    target_date date not null,
    achieved    boolean not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
