-- Undoes 002: drops the audit log (and its index with it). The audit history is lost.
drop table audit_log;
