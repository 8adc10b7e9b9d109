using System.Net;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Interviewer;

namespace Interview.Functions.Tests.Plans;

/// <summary>Drafting a plan from a job description: useful offline, from a model when there is one, never from bad input.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanDraftTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string[]> Postings => new()
    {
        {
            "Analytics Engineer. You will build our warehouse models in dbt on Snowflake, orchestrate loads with Airflow and " +
            "stream events through Kafka. Requirements: 3+ years of SQL, experience with dbt and Airflow, data quality testing.",
            ["dbt", "Airflow"]
        },
        {
            "Site Reliability Engineer. Run our Kubernetes clusters on AWS, own Terraform modules and the Prometheus alerting. " +
            "You have experience with Kubernetes, Terraform and incident response, and you write Go.",
            ["Kubernetes", "Terraform"]
        },
        {
            "Account Executive. Own the full sales cycle for mid-market customers, from discovery to close, in HubSpot. " +
            "Requirements: a track record of hitting quota, negotiation skills, and experience with HubSpot.",
            ["HubSpot"]
        },
    };

    [Theory]
    [MemberData(nameof(Postings))]
    public async Task An_offline_draft_is_a_valid_plan_whose_questions_name_the_postings_terms(string posting, string[] terms)
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var response = await client.DraftAsync(new { job_description = posting });
        var draft = await response.JsonAsync();

        Assert.Equal("offline", response.Headers.GetValues("X-Plan-Draft-Source").Single());
        var questions = string.Join(' ',
            draft["phases"]!.AsArray().SelectMany(p => p!["questions"]!.AsArray()).Select(q => (string)q!["text"]!));
        Assert.All(terms, term => Assert.Contains(term, questions, StringComparison.Ordinal));
        // Valid means the recruiter can save it as it is.
        await (await client.SavePlanAsync(draft)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_same_posting_drafts_the_same_plan()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var posting = new { job_description = Postings.First()[0], role = "Analytics Engineer", seniority = "senior" };

        var first = await (await client.DraftAsync(posting)).JsonAsync();
        var second = await (await client.DraftAsync(posting)).JsonAsync();

        Assert.True(JsonNode.DeepEquals(first, second));
        Assert.Equal("Analytics Engineer", (string)first["role"]!);
    }

    public static TheoryData<object, HttpStatusCode, string> BadInput => new()
    {
        { new { job_description = "" }, HttpStatusCode.BadRequest, "invalid_field" },
        { new { role = "Engineer" }, HttpStatusCode.BadRequest, "invalid_field" },
        { new { job_description = 42 }, HttpStatusCode.BadRequest, "invalid_field" },
        { new { job_description = "Engineer wanted.\u0001" }, HttpStatusCode.BadRequest, "invalid_field" },
        { new { job_description = "Engineer wanted.", seniority = "wizard" }, HttpStatusCode.BadRequest, "invalid_field" },
        { new { job_description = new string('a', 20_001) }, HttpStatusCode.RequestEntityTooLarge, "job_description_too_long" },
        { new { job_description = new string('a', 200_000) }, HttpStatusCode.RequestEntityTooLarge, "body_too_large" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused(object body, HttpStatusCode status, string code)
    {
        using var app = new InterviewApp(azurite);

        var problem = await (await app.CreateClient().DraftAsync(body)).ProblemAsync(status);

        Assert.Equal(code, (string)problem["code"]!);
    }

    [Fact]
    public async Task With_a_model_brain_the_draft_comes_from_one_strict_schema_call()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:05", budget: "00:00:10");
        var client = app.CreateClient();
        var drafted = await client.BuiltInCopyAsync("model-drafted");
        drafted.AsObject().Remove("locale");
        drafted.AsObject().Remove("voice");
        drafted.AsObject().Remove("silence_seconds");
        model.Enqueue(ChatReplies.Completion(drafted.ToJsonString()));

        var response = await client.DraftAsync(new { job_description = "Backend engineer: Go, PostgreSQL, Kafka." });
        var draft = await response.JsonAsync();

        Assert.Equal("model", response.Headers.GetValues("X-Plan-Draft-Source").Single());
        Assert.Equal("model-drafted", (string)draft["id"]!);
        var call = Assert.Single(model.Requests);
        Assert.Equal("plan_draft", (string)call.Body["response_format"]!["json_schema"]!["name"]!);
        Assert.True((bool)call.Body["response_format"]!["json_schema"]!["strict"]!);
    }

    [Fact]
    public async Task With_a_model_that_fails_the_offline_draft_answers()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:02", budget: "00:00:04");

        var response = await app.CreateClient().DraftAsync(new { job_description = "Backend engineer: Go, PostgreSQL, Kafka." });

        await response.JsonAsync();
        Assert.Equal("offline", response.Headers.GetValues("X-Plan-Draft-Source").Single());
    }
}
