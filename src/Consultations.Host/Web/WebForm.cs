using Consultations.Host.RecordFiles;

namespace Consultations.Host.Web;

/// <summary>
/// A page with a form that records: it builds the domain's command from the inputs and sends it to the same static
/// <c>Handle(command, recorder, ct)</c> the API's route calls (found by the command's type in <see cref="CommandCatalog"/>),
/// on the request's <see cref="Recorder"/>, committed the same way (<see cref="Recorder.SaveAsync"/>, one transaction), with
/// the version the form was loaded at as the expected version (the API's <c>If-Match</c>). Each form carries a token: the
/// first submit stores it in the same transaction, so a second submit of the same form records nothing and is told so. A
/// refusal is shown next to the field it names, with what the person typed kept. Every public settable property of a form
/// is one of its inputs, and every form needs the recording role (<see cref="WebSetup"/>'s form convention).
/// </summary>
public abstract class WebForm : WebPage
{
    public string? FormToken { get; set; }
    public long? Version { get; set; }

    /// <summary>The day what the form records took effect in the world: the input nearly every form has, its errors shown next to "effectiveOn".</summary>
    public string? EffectiveOnDate { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Refusal { get; private set; }
    public bool Stale { get; private set; }

    private Recorder Recorder => HttpContext.RequestServices.GetRequiredService<Recorder>();

    protected IDocumentSession Session => Recorder.Session;

    /// <summary>The page of the record this form writes to, linked from a stale-edit explanation; null: the form's path without its last step.</summary>
    public virtual string? RecordPage => null;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        base.OnPageHandlerExecuting(context);
        // A form records now: under replay axes it is neither shown nor sent (a POST with them records nothing), as the
        // replay banner says; the axes are a parameter a form does not take (400, as any other is).
        if (context.Result is null && (!string.IsNullOrWhiteSpace(RecordedAt) || !string.IsNullOrWhiteSpace(EffectiveOn)))
            context.Result = Refuse(StatusCodes.Status400BadRequest, "Nothing can be recorded in a replay.");
    }

    public void NewToken() => FormToken = Guid.NewGuid().ToString("N");

    /// <summary>Opens the form on a record: the version it is read at (sent back as the expected version) and a new token.</summary>
    protected async Task OpenAsync(string record, CancellationToken ct)
    {
        Version = (await Session.Events.FetchStreamStateAsync(record, ct))?.Version;
        NewToken();
    }

    /// <summary>
    /// Records <paramref name="command"/> (null: the inputs did not make one, <see cref="Errors"/> say why) and goes on to
    /// <paramref name="next"/>; otherwise the form again, with the inputs kept and the errors next to them.
    /// </summary>
    protected async Task<IActionResult> SendAsync(object? command, string next, CancellationToken ct)
    {
        OutsideClosedLists();
        if (Errors.Count == 0 && command is not null && await RecordAsync(command, ct)) return Redirect(next);
        if (Errors.Count > 0 && Response.StatusCode == StatusCodes.Status200OK) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The error next to <paramref name="field"/>, in the page's language (<see cref="Messages"/>).</summary>
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field) is { } error ? Say(error) : null;

    /// <summary>The refusal, in the page's language: a broken rule's sentence with its English particulars.</summary>
    public string? RefusalText => Refusal is null ? null : Say(Refusal);

    // Refusals keep the rule they came from, so the page can say it in its language.
    private readonly Dictionary<string, string> _rules = new(StringComparer.Ordinal);

    private string Say(string message)
    {
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
        return _rules.TryGetValue(message, out var rule) ? Messages.Rule(text, rule, message) : Messages.Of(text, message);
    }

    /// <summary>Runs one command; true when it is on record (now, or by an earlier submit of the same form).</summary>
    private async Task<bool> RecordAsync(object command, CancellationToken ct)
    {
        var recorder = Recorder;
        var key = FormTokens.KeyOf(FormToken);
        var hash = InputsHash(command);
        if (key is not null && await Session.LoadAsync<IdempotentRequest>(key, ct) is { } done) return SameAsFirst(done, hash);
        HttpContext.RequestServices.GetRequiredService<WriteConditions>().Expect(Version);
        try
        {
            var recorded = await CommandCatalog.HandleAsync(command, recorder, ct);
            if (key is not null)
            {
                Session.Insert(new IdempotentRequest
                {
                    Id = key, Method = "POST", Path = Request.Path.Value ?? "", Completed = true, Status = 200, RequestHash = hash,
                    StartedAt = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), ETag = $"\"{recorded.Version}\"", Location = recorded.Id,
                });
            }

            await recorder.SaveAsync(ct);
            return true;
        }
        catch (InvalidCommand e)
        {
            var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
            foreach (var (field, messages) in e.Errors) Errors[FieldOf(field)] = string.Join(" ", messages.Select(m => Messages.Of(text, m)));
        }
        catch (RuleBroken e)
        {
            Refusal = e.Message;
            _rules[e.Message] = e.Rule;
            _refusalKind = e.Kind;
            // Next to the input the rule is about, too, so the person sees what to change where they typed it.
            foreach (var field in RuleFields.Of(e.Rule)) Errors[field] = e.Message;
        }
        catch (RecordNotFound e)
        {
            Refusal = e.Message;
        }
        catch (StaleVersion e)
        {
            Stale = true;
            // The next submit, made knowing the record changed, is decided on the version now shown.
            Version = e.Current;
            ModelState.Remove(nameof(Version));
        }
        catch (Exception e) when (LostRace.Is(e))
        {
            // A second submit of the same form that raced the first: the first is on record.
            await using var check = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
            if (key is not null && await check.LoadAsync<IdempotentRequest>(key, ct) is { } first) return SameAsFirst(first, hash);
            Stale = true;
        }

        // As the API answers: a move the record does not allow is a conflict (409), a rule the input breaks 422.
        Response.StatusCode = Stale || _refusalKind == RuleKind.Conflict ? StatusCodes.Status409Conflict
            : Refusal is not null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
        return false;
    }

    private RuleKind? _refusalKind;

    /// <summary>
    /// A second submit of a form already recorded: the same inputs are the first submit again (answered alike); other inputs
    /// (the person went back, changed a value and submitted) are not silently dropped: the page says the first is on
    /// record and the change is not (third review, finding 14).
    /// </summary>
    private bool SameAsFirst(IdempotentRequest first, string hash)
    {
        if (first.RequestHash.Length == 0 || hash.Length == 0 || first.RequestHash == hash) return true;
        Refusal = AlreadySubmitted;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return false;
    }

    public const string AlreadySubmitted =
        "This form was already submitted and is on record as first sent; the values changed since were not recorded. Open the form again from the record to record them.";

    private static string InputsHash(object command)
    {
        try
        {
            var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(command, command.GetType());
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json));
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return "";
        }
    }

    /// <summary>
    /// A form opened on a move the record refuses whatever is typed (cancelling a meeting that was held): the refusal, in
    /// the page's language, with a link back to the record, instead of a form whose every submit would be refused; the
    /// status the API answers for the same move (third review, finding 3).
    /// </summary>
    protected IActionResult Refused(RuleBroken rule, string back)
    {
        Refusal = rule.Message;
        _rules[rule.Message] = rule.Rule;
        return Refused(RefusalText!, back, rule.Kind == RuleKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The same, with the page's own words and the records it names (<paramref name="named"/>, links by title).</summary>
    protected IActionResult Refused(string text, string back, int status, Microsoft.AspNetCore.Html.IHtmlContent? named = null)
    {
        ViewData["FormRefusal"] = text;
        ViewData["FormRefusalNamed"] = named;
        ViewData["FormBack"] = back;
        return new ViewResult { ViewName = "_FormRefused", ViewData = ViewData, StatusCode = status };
    }

    /// <summary>"fieldCodes[0]" and "dates.from" are shown next to the input "fieldCodes" and "dates".</summary>
    /// <summary>
    /// A posted value outside a closed list (a meeting's kind, a status, "the text is") is refused next to its input, never
    /// replaced by the list's default: model binding leaves the default and an error, which is turned into the form's own
    /// (third review, finding 13).
    /// </summary>
    private void OutsideClosedLists()
    {
        foreach (var property in GetType().GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!type.IsEnum || ModelState[property.Name]?.AttemptedValue is not { } typed) continue;
            // Binding fails on a word not in the list, and a number ("7") binds to a value the list does not have.
            var bound = property.GetValue(this);
            if (ModelState[property.Name]!.Errors.Count > 0 || (bound is not null && !Enum.IsDefined(type, bound)))
                Errors[ClosedListField(property.Name)] = $"'{typed}' is not one of the choices: {string.Join(", ", Enum.GetNames(type))}.";
        }
    }

    // The input's name as the form's errors use it: "Kind" → "kind", "TextIs" → "textIs".
    private static string ClosedListField(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private static string FieldOf(string path)
    {
        var end = path.IndexOfAny(['[', '.']);
        return end > 0 ? path[..end] : path;
    }

    protected static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>A span of dates from two inputs, the errors shown next to <paramref name="field"/>; null when both are empty.</summary>
    protected DateSpan? Span(string field, string? from, string? until)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            if (!string.IsNullOrWhiteSpace(until)) Errors[field] = "Give the first day too.";
            return null;
        }

        var first = Date(field, from);
        var last = Date(field, until);
        return first is { } f ? new DateSpan(f, last) : null;
    }

    /// <summary>A date that must be given: <paramref name="missing"/> shown next to <paramref name="field"/> when it is not.</summary>
    protected PartialDate? RequiredDate(string field, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text)) Errors[field] = missing;
        return Date(field, text);
    }

    /// <summary>A choice that must be made: <paramref name="missing"/> shown next to <paramref name="field"/> when it is not.</summary>
    protected void Require(string field, object? value, string missing)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text)) Errors[field] = missing;
    }

    /// <summary>An optional input as typed, null when left empty.</summary>
    protected static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The day it took effect (<see cref="EffectiveOnDate"/>); required when <paramref name="missing"/> says why it is.</summary>
    protected PartialDate? EffectiveDay(string? missing = null) =>
        missing is null ? Date("effectiveOn", EffectiveOnDate) : RequiredDate("effectiveOn", EffectiveOnDate, missing);

    protected PartialDate? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (PartialDate.TryParse(text.Trim(), out var date)) return date;
        Errors[field] = PartialDate.YearOutsideRecord(text) is not { } year ? $"'{text}' is not a date: use yyyy-MM-dd, yyyy-MM or yyyy."
            // A well-formed date past the years the record holds: for a day something took effect, that is a day after today.
            : year > 2200 && RuleFields.Of("effective-date-not-in-future").Contains(field)
                ? $"'{text}' is after today ({HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow():yyyy-MM-dd}); the record holds what has happened."
                : $"'{text}' is outside the years the record holds (1900 to 2200).";
        return null;
    }
}
