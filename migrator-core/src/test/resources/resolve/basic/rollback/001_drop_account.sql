drop table account;
