alter table greeting drop column lang;
