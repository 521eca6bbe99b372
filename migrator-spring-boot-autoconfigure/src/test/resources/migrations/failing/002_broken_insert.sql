-- inserts into a table that does not exist
insert into note (id) values (1);

insert into no_such_table (id) values (2);
