create or replace view v_account as select id from account;
