-- Trigram matching lets a search with a typo still find the course it meant.
-- Installed into public so every schema (tests use one each) shares it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
