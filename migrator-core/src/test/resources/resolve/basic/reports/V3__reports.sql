create table report (id bigint);
