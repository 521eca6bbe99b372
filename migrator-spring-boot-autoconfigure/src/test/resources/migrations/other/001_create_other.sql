create table other_thing (id int primary key);
