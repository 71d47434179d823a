using Consultations.Projections.Tables;

namespace Consultations.Projections.Search;

/// <summary>
/// The text search configuration <c>{schema}.consultations_search</c>: <c>simple</c> with <c>unaccent</c> in front, and the
/// <c>unaccent</c> extension it needs (installed once per database, in whatever schema it lands; an advisory lock keeps
/// two services starting at once from both creating it). Declared to Marten like the tables, so it is created with them.
/// </summary>
public sealed class SearchConfiguration(string schema) : CreateIfMissing(schema, SearchText.ConfigurationName,
    $$"""
      do $search$
      declare dictionary_schema text;
      begin
          perform pg_advisory_xact_lock(hashtext('consultations:unaccent'));
          create extension if not exists unaccent;
          select n.nspname into dictionary_schema from pg_extension x join pg_namespace n on n.oid = x.extnamespace where x.extname = 'unaccent';
          if not exists (select 1 from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
                         where n.nspname = '{{schema}}' and c.cfgname = '{{SearchText.ConfigurationName}}') then
              create text search configuration {{schema}}.{{SearchText.ConfigurationName}} (copy = pg_catalog.simple);
              execute format('alter text search configuration {{schema}}.{{SearchText.ConfigurationName}} alter mapping for hword, hword_part, word with %I.unaccent, simple',
                             dictionary_schema);
          end if;
      end
      $search$;
      """,
    $"drop text search configuration if exists {schema}.{SearchText.ConfigurationName};",
    $"select count(*) from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace where n.nspname = '{schema}' and c.cfgname = '{SearchText.ConfigurationName}';");
