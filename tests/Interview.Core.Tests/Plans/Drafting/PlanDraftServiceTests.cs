using Interview.Core.Plans;
using Interview.Core.Drafting;
using Interview.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interview.Core.Tests.Plans.Drafting;

public sealed class PlanDraftServiceTests
{
    private static readonly DraftRequest Request = new(JobDescriptions.DataEngineer);
    private static readonly DateTimeOffset Deadline = FixedClock.Start.AddSeconds(30);
    private static readonly PlanDraftService Service = new(Drafts.Drafter, NullLogger<PlanDraftService>.Instance);

    // A model's draft: a valid plan the offline drafter would not write.
    private static readonly InterviewPlan ModelPlan =
        Drafts.Of(JobDescriptions.DataEngineer) with { Id = "data-engineer-model", Role = "Data Engineer" };

    private static readonly string Valid = PlanJson.Write(ModelPlan);
    private static readonly string Invalid = PlanJson.Write(ModelPlan with { MaxQuestions = 0 });

    [Fact]
    public async Task Valid_model_draft_is_used()
    {
        var model = new ScriptedChatModel(ScriptedChatModel.Content(Valid));

        var draft = await Service.DraftAsync(Request, model, Deadline, CancellationToken.None);

        Assert.Equal((PlanDraftSource.Model, null), (draft.Source, draft.FallbackReason));
        Assert.Equal(PlanJson.Write(ModelPlan), PlanJson.Write(draft.Plan));
        Assert.Equal(1, draft.Usage.Calls);
        var request = Assert.Single(model.Requests);
        Assert.Equal(PlanDraftSchema.Name, request.SchemaName);
        Assert.InRange(request.Temperature, 0, 0.3f);
    }

    [Fact]
    public async Task Invalid_model_draft_is_asked_once_more()
    {
        var model = new ScriptedChatModel(ScriptedChatModel.Content(Invalid), ScriptedChatModel.Content(Valid));

        var draft = await Service.DraftAsync(Request, model, Deadline, CancellationToken.None);

        Assert.Equal(PlanDraftSource.Model, draft.Source);
        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(2, draft.Usage.Calls);
    }

    [Theory]
    [InlineData("not json at all", "reply was not a plan")]
    [InlineData("{\"id\": \"x\"}", "reply was not a plan")]
    [InlineData(null, "max_questions must be between 1 and 100")]
    public async Task Two_invalid_model_drafts_fall_back_to_the_offline_draft(string? reply, string reason)
    {
        var content = reply ?? Invalid;
        var model = new ScriptedChatModel(ScriptedChatModel.Content(content), ScriptedChatModel.Content(content));

        var draft = await Service.DraftAsync(Request, model, Deadline, CancellationToken.None);

        Assert.Equal(PlanDraftSource.Offline, draft.Source);
        Assert.Contains(reason, draft.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(PlanJson.Write(Drafts.Of(JobDescriptions.DataEngineer)), PlanJson.Write(draft.Plan));
        Assert.Equal((2, 1), (draft.Usage.Calls, draft.Usage.Fallbacks));
    }

    [Fact]
    public async Task Model_failure_falls_back_to_the_offline_draft_without_asking_again()
    {
        var model = new ScriptedChatModel(ScriptedChatModel.Failure("timed out after 3 attempts"));

        var draft = await Service.DraftAsync(Request, model, Deadline, CancellationToken.None);

        Assert.Equal((PlanDraftSource.Offline, "timed out after 3 attempts"), (draft.Source, draft.FallbackReason));
        Assert.Single(model.Requests);
        Assert.Empty(PlanRules.Problems(draft.Plan));
    }

    [Fact]
    public async Task Without_a_model_the_offline_draft_is_no_fallback()
    {
        var draft = await Service.DraftAsync(Request, null, Deadline, CancellationToken.None);

        Assert.Equal((PlanDraftSource.Offline, null, 0), (draft.Source, draft.FallbackReason, draft.Usage.Calls));
    }

    [Fact]
    public async Task Recruiters_role_wins_over_the_models()
    {
        var model = new ScriptedChatModel(ScriptedChatModel.Content(Valid));

        var draft = await Service.DraftAsync(Request with { Role = "Analytics Engineer" }, model, Deadline, CancellationToken.None);

        Assert.Equal(("Analytics Engineer", "data-engineer-model"), (draft.Plan.Role, draft.Plan.Id));
    }
}
