-- adds the audit table
create table audit (id bigint);
