using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Interview.Core.Domain;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Interview.Functions.Storage;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using static Interview.Functions.Tests.Storage.WorstCaseInterview;
using Interview.Functions.Startup;

namespace Interview.Functions.Tests.Storage;

/// <summary>
/// The worst-case entity sizes: an interview with every field at its maximum, in scripts that cost most as escaped JSON,
/// stays within every Table Storage limit (which Azurite does not enforce, so these tests measure them).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageLimitsTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How every record was written before: the serializer's default encoder, \uXXXX for any non-ASCII character.</summary>
    private static readonly JsonSerializerOptions Escaped = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly InterviewApp _app = new(azurite);
    private ISessionStore _store = null!;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.Services.GetRequiredService<StartupWork>().WhenReady(StartupWork.Storage);
        _store = _app.Services.GetRequiredService<ISessionStore>();
        _table = _app.Services.GetRequiredService<TableServiceClient>()
            .GetTableClient(_app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.SessionsTable);
    }

    [Theory]
    [InlineData("limits-cyrillic", Cyrillic)]
    [InlineData("limits-chinese", Chinese)]
    public async Task Worst_case_interview_in_a_non_latin_script_stays_within_every_table_limit(string id, string script)
    {
        await _store.SaveAsync(null, State(id, script, turns: 1), null, default);
        var loaded = (await _store.LoadAsync(id, null, default))!;
        var after = State(id, script, turns: 3);
        await _store.SaveAsync(loaded, after, Replay(after, script), default);

        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == id))
        {
            rows.Add(row);
        }

        Assert.Equal(5, rows.Count); // header, three turns, one idempotency record
        foreach (var row in rows)
        {
            var strings = TableLimits.Properties(row).Select(p => p.Value).OfType<string>().ToList();
            Assert.All(strings, s => Assert.InRange(s.Length, 0, TableLimits.MaxStringChars));
            Assert.All(strings, s => Assert.DoesNotContain("\\u", s, StringComparison.Ordinal));
            Assert.InRange(TableLimits.EntityBytes(row), 0, TableLimits.MaxEntityBytes);
            Assert.InRange(TableLimits.Properties(row).Count() + 3, 0, TableLimits.MaxProperties);
            output.WriteLine($"{row.RowKey}: {TableLimits.EntityBytes(row)} bytes, longest string {strings.Max(s => s.Length)} chars");
        }

        var header = rows.Single(r => r.RowKey == "h");
        Assert.Contains(Text(script, CandidateQuestion.MaxChars), header.GetString("CandidateQuestions"), StringComparison.Ordinal);
        var reloaded = (await _store.LoadAsync(id, "worst-case-key", default))!;
        Assert.Equal(after.CandidateQuestions, reloaded.State.CandidateQuestions);
        Assert.Equal(after.Insights, reloaded.State.Insights);
        Assert.Equal(after.ConversationHistory.Select(t => t.Content), reloaded.State.ConversationHistory.Select(t => t.Content));
        Assert.Equal(after.CandidateQuestions, reloaded.Replay!.Outcome.State.CandidateQuestions);
    }

    [Theory]
    [InlineData(Cyrillic)]
    [InlineData(Chinese)]
    [InlineData(Emoji)]
    public void Turn_commit_batch_stays_within_100_entities_and_4_MiB_even_when_every_character_is_escaped(string script)
    {
        var before = new StoredSession(State("limits-batch", script, turns: 1), "W/\"1\"");
        var after = State("limits-batch", script, turns: 3);

        var batch = TableSessionStore.CommitBatch(before, after, Replay(after, script)); // checks every limit itself
        var entities = batch.Select(a => (TableEntity)a.Entity).ToList();

        Assert.InRange(batch.Count, 1, TableLimits.MaxBatchEntities);
        Assert.InRange(entities.Sum(TableLimits.WireBytes), 0, TableLimits.MaxBatchBytes);
        Assert.All(entities, e => Assert.InRange(TableLimits.EntityBytes(e), 0, TableLimits.MaxEntityBytes));
        Assert.All(entities, e => Assert.InRange(
            JsonSerializer.SerializeToUtf8Bytes<IDictionary<string, object>>(e).Length, 0, TableLimits.WireBytes(e)));
        var longest = entities.SelectMany(e => TableLimits.Properties(e)).Select(p => p.Value).OfType<string>().Max(s => s.Length);
        var escaped = JsonSerializer.Serialize(after with { ConversationHistory = [] }, Escaped).Length;
        output.WriteLine($"{batch.Count} entities, batch ≤ {entities.Sum(TableLimits.WireBytes)} bytes, largest entity "
                         + $"{entities.Max(TableLimits.EntityBytes)} bytes, longest string {longest} chars; "
                         + $"escaped header JSON was {escaped} chars");
    }

    /// <summary>A review at every maximum (20 overrides with 1,000-character reasons, a 4,000-character note) in emoji,
    /// which stored JSON still escapes (12 characters each): split into parts within the limit, and read back whole.</summary>
    [Fact]
    public async Task Worst_case_review_in_emoji_is_split_within_the_limits_and_reads_back()
    {
        const string id = "limits-review";
        var overrides = Enumerable.Range(1, 20).Select(i => new ScoreOverride($"competency-{i}", 3, Text(Emoji, 1000))).ToList();
        var review = new RecordedReview(new Review("hold", overrides, Text(Emoji, 4000), "Ada"), 1, DateTime.UtcNow,
            new Actor("oid", "Ada"));

        await _app.Services.GetRequiredService<IReviewStore>().AddAsync(id, review, default);

        var rows = new List<TableEntity>();
        await foreach (var stored in _table.QueryAsync<TableEntity>(e => e.PartitionKey == id))
        {
            rows.Add(stored);
        }

        var row = Assert.Single(rows);
        var strings = TableLimits.Properties(row).Select(p => p.Value).OfType<string>().ToList();
        Assert.True(strings.Count > 1, "the review was split");
        Assert.All(strings, text => Assert.InRange(text.Length, 0, TableLimits.MaxStringChars));
        Assert.InRange(TableLimits.EntityBytes(row), 0, TableLimits.MaxEntityBytes);
        var read = Assert.Single(await _app.Services.GetRequiredService<IReviewStore>().ListAsync(id, default));
        Assert.Equal(review.Review.Note, read.Review.Note);
        Assert.Equal(overrides, read.Review.Overrides);
    }

    [Fact]
    public void Stored_json_keeps_non_latin_text_as_itself_not_as_six_character_escapes()
    {
        var state = State("limits-before", Cyrillic, turns: 1) with { ConversationHistory = [] };
        var escaped = JsonSerializer.Serialize(state, Escaped);
        var stored = JsonSerializer.Serialize(state, StoredJson.Options);

        Assert.Contains(state.Insights[0], stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u04", stored, StringComparison.Ordinal);
        Assert.InRange(escaped.Length, 3 * stored.Length, int.MaxValue); // the script has spaces, and plan names are ASCII
        output.WriteLine($"worst-case header JSON: {escaped.Length} chars escaped, {stored.Length} chars as stored now");
    }

    [Fact]
    public void Header_written_with_escapes_before_still_reads()
    {
        var state = State("limits-old", Chinese, turns: 1);
        var old = SessionEntities.Header(state);
        foreach (var part in old.Keys.Where(k => k.Contains('_', StringComparison.Ordinal)).ToList())
        {
            old.Remove(part); // JSON was one property before: escaped, this interview's would not have fitted in Azure
        }

        old["Insights"] = JsonSerializer.Serialize(state.Insights, Escaped);
        old["CandidateQuestions"] = JsonSerializer.Serialize(state.CandidateQuestions, Escaped);
        Assert.Contains("\\u", old.GetString("Insights"), StringComparison.Ordinal);

        var read = SessionEntities.ReadHeader(old, state.ConversationHistory);

        Assert.Equal(state.Insights, read.Insights);
        Assert.Equal(state.CandidateQuestions, read.CandidateQuestions);
    }

    [Fact]
    public void Long_string_splits_into_parts_without_breaking_a_character_and_reads_back_whole()
    {
        var text = "a" + Text(Emoji, (2 * LongString.PartChars) + 10);
        var entity = new TableEntity("p", "r");

        LongString.Put(entity, "Content", text);

        Assert.Equal(["Content", "Content_1", "Content_2"], TableLimits.Properties(entity).Select(p => p.Key).Order());
        Assert.All(TableLimits.Properties(entity), p => Assert.False(char.IsHighSurrogate(((string)p.Value)[^1])));
        Assert.Equal(text, LongString.Get(entity, "Content"));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
