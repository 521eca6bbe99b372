create table greeting (
    id   int primary key,
    text text not null
);
insert into greeting (id, text) values (1, 'hello');
