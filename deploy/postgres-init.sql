-- First start of the PostgreSQL container: the office server's database beside the hub's (POSTGRES_DB=hub).
create database office owner egov;
