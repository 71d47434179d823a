using Xunit.Sdk;

namespace Consultations.Domain.Tests;

/// <summary>
/// Given a history of events, when a command is decided (on <see cref="Dates.Today"/>), then these events follow,
/// or nothing happens (the record already says it), or a named rule refuses it, or the record is not found.
/// </summary>
/// <typeparam name="TState">The aggregate's state, built by folding the history through its Evolve.</typeparam>
public abstract class Specification<TState> where TState : class
{
    protected abstract TState? Evolve(TState? state, object @event);

    protected abstract IReadOnlyList<object> Decide(object command, TState? state, DateOnly today);

    protected Scenario Given(params object[] history) => new(this, history);

    public sealed class Scenario
    {
        private readonly Specification<TState> specification;
        private readonly IReadOnlyList<object> history;

        internal Scenario(Specification<TState> specification, IReadOnlyList<object> history)
        {
            this.specification = specification;
            this.history = history;
        }

        /// <summary>The state the history builds.</summary>
        public TState? State => history.Aggregate((TState?)null, specification.Evolve);

        public Outcome When(object command)
        {
            var state = State;
            try
            {
                return new Outcome(command, specification.Decide(command, state, Dates.Today), null);
            }
            catch (Exception error) when (error is RuleBroken or RecordNotFound or InvalidCommand)
            {
                return new Outcome(command, null, error);
            }
        }
    }

    public sealed class Outcome
    {
        private readonly object command;
        private readonly IReadOnlyList<object>? events;
        private readonly Exception? error;

        internal Outcome(object command, IReadOnlyList<object>? events, Exception? error)
        {
            this.command = command;
            this.events = events;
            this.error = error;
        }

        public void Then(params object[] expected)
        {
            Assert.True(expected.Length > 0, "Say what should happen; use ThenNothingHappens for a repeat.");
            Recorded.Same(expected, Decided());
        }

        public void ThenNothingHappens() => Recorded.Same([], Decided());

        public RuleBroken ThenRefused(string rule, RuleKind kind)
        {
            if (error is not RuleBroken refusal) throw new XunitException(Unexpected($"refused by rule '{rule}'"));
            Assert.Equal(rule, refusal.Rule);
            Assert.Equal(kind, refusal.Kind);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            return refusal;
        }

        /// <summary>Refused as malformed against the record (a 400 naming the field), e.g. a party that did not make the commitment.</summary>
        public InvalidCommand ThenInvalid(string field)
        {
            if (error is not InvalidCommand invalid) throw new XunitException(Unexpected($"refused as invalid naming '{field}'"));
            Assert.Contains(field, invalid.Errors.Keys);
            return invalid;
        }

        public RecordNotFound ThenNotFound(string? recordKind = null, string? id = null)
        {
            if (error is not RecordNotFound notFound) throw new XunitException(Unexpected("refused as not found"));
            if (recordKind is not null) Assert.Equal(recordKind, notFound.RecordKind);
            if (id is not null) Assert.Equal(id, notFound.Id);
            return notFound;
        }

        private IReadOnlyList<object> Decided() =>
            events ?? throw new XunitException(
                $"{Recorded.Describe(command)} was expected to be decided, but it threw {error!.GetType().Name}"
                + (error is RuleBroken broken ? $" ({broken.Rule}, {broken.Kind})" : "") + $": {error.Message}");

        private string Unexpected(string expectation) => error switch
        {
            RuleBroken broken => $"{Recorded.Describe(command)} was expected to be {expectation}, but rule '{broken.Rule}' ({broken.Kind}) refused it: {broken.Message}",
            RecordNotFound notFound => $"{Recorded.Describe(command)} was expected to be {expectation}, but: {notFound.Message}",
            InvalidCommand invalid => $"{Recorded.Describe(command)} was expected to be {expectation}, but it was refused as invalid: {invalid.Message}",
            _ => $"{Recorded.Describe(command)} was expected to be {expectation}, but it decided:{Environment.NewLine}"
                 + (events!.Count == 0 ? "(nothing: a repeat)" : Recorded.Describe(events)),
        };
    }
}
