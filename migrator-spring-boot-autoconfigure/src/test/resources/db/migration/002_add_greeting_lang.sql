alter table greeting add column lang text not null default 'en';
