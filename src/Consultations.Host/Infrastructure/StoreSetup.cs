using Consultations.Projections.Fields;
using Consultations.Projections.Records;
using Consultations.Projections.Timeline;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Weasel.Core;

namespace Consultations.Host.Infrastructure;

public static class StoreSetup
{
    /// <summary>
    /// Every event type the record can hold: the domain's types marked <see cref="IRecordEvent"/>. Their type names are
    /// stored with each event: renaming one needs an upcaster.
    /// </summary>
    public static IReadOnlyList<Type> EventTypes => RecordEvents.All;

    /// <summary>
    /// The store's connections skip Npgsql's reset (<c>DISCARD ALL</c>) when they go back to the pool. Marten opens and
    /// closes a pooled connection for each read of a session, so the reset came once per statement; nothing here leaves
    /// session state on a connection (no <c>SET</c>, temporary tables or prepared statements of ours; advisory locks are
    /// transaction-scoped or released explicitly), so there is nothing to reset (ADR 0036).
    /// </summary>
    public static string WithoutResets(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    /// <summary>How many statements each connection keeps prepared by default (<c>Consultations:Database:MaxAutoPrepare</c>).</summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// The store's connection string: no reset on close, and Npgsql's automatic preparation of the statements a
    /// connection runs often (from their second use, up to <paramref name="maxAutoPrepare"/> per connection; 0 turns it
    /// off), so PostgreSQL parses and plans each of Marten's statements once per connection instead of on every write
    /// (ADR 0052). A value the configured connection string gives itself is kept.
    /// </summary>
    public static string ForStore(string connectionString, int maxAutoPrepare)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(WithoutResets(connectionString));
        if (!Names(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = maxAutoPrepare;
        if (!Names(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    private static bool Names(string connectionString, params string[] keys)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(given.ContainsKey);
    }

    public static void Configure(StoreOptions opts, string connectionString, string schema, TimeSpan? sealSettle = null,
        int maxAutoPrepare = DefaultMaxAutoPrepare)
    {
        opts.Connection(ForStore(connectionString, maxAutoPrepare));
        opts.DatabaseSchemaName = schema;
        opts.Events.DatabaseSchemaName = schema;
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        // Who recorded each fact, under which request, and why: kept with every event.
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.UseSystemTextJsonForSerialization(enumStorage: EnumStorage.AsString);
        opts.Events.AddEventTypes(EventTypes);

        // Inline: a write and the views it changes commit in one transaction, so a client reads its own write.
        opts.Projections.Add<DialogueProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CooperationFieldProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<MeetingProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<JointStatementProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActionPlanProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CommitmentProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<DocumentProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<MilestoneProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<RecordFootprintProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TimelineProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<RecordFiles.AppliedRecordStep>();
        opts.Schema.For<IdempotentRequest>();
        opts.Schema.For<Security.EndedWebSession>();
        opts.Schema.For<Meeting>().Duplicate(x => x.DialogueId);
        opts.Schema.For<JointStatement>().Duplicate(x => x.DialogueId);
        opts.Schema.For<ActionPlan>().Duplicate(x => x.DialogueId);
        opts.Schema.For<Document>().Duplicate(x => x.DialogueId);
        opts.Schema.For<Milestone>().Duplicate(x => x.DialogueId);
        opts.Schema.For<Commitment>().Duplicate(x => x.DialogueId).Duplicate(x => x.FieldCode);
        // Footprints are found by dialogue (a column) and by the fields they touch: containment on their field codes only,
        // GIN-indexed on that member. An index over the whole body indexed every count and date a write changes (ADR 0052).
        opts.Schema.For<RecordFootprint>().Duplicate(x => x.DialogueId!).GinIndexJsonDataMember(x => x.FieldCodes);
        opts.Schema.For<TimelineEntry>().Duplicate(x => x.DialogueId).Duplicate(x => x.SortDate!);

        // The reporting views (commitment register and its SQL table, meeting records, action-plan progress) run async.
        Reports.ReportingSetup.ConfigureStore(opts, schema);
        // A sequence gap is skipped by the daemon only when no transaction that could still fill it is alive (Marten's
        // default, stated here because an import holds its sequence numbers uncommitted for seconds: ADR 0062). No cap:
        // a gap held by a live import is waited out, never skipped (ImportDuringDaemonTests fails otherwise).
        opts.Projections.UseTransactionEvidenceForGapSkipping = true;
        opts.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = null;

        // The tamper-evident ledger: each event's hash fixed at commit by a trigger, then sealed into one chain by a
        // subscription in the same daemon (docs/adr/0020, 0029).
        opts.Storage.Add(new Auditing.Ledger.CommitHashes(opts, schema));
        opts.Listeners.Add(new Auditing.Ledger.CommitHashesBeforeAppends());
        opts.Events.Subscribe(new Auditing.Ledger.LedgerSubscription(schema, sealSettle ?? TimeSpan.FromSeconds(60)));
        opts.Storage.ExtendedSchemaObjects.Add(Auditing.Ledger.LedgerSubscription.Definition(schema));

        // The audit trail and the changes read one page of events by recorded time and the fixes of its entries by id (ADR 0051).
        Auditing.EventIndexes.Register(opts, schema);
    }
}
