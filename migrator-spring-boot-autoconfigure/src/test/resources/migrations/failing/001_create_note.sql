create table note (id int primary key);
