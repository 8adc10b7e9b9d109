using Interview.Core.Plans;
using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

public sealed class PlanDrafterTests
{
    public static TheoryData<string, string, string[], string[]> Postings => new()
    {
        { JobDescriptions.DataEngineer, "senior-data-engineer", ["Kafka", "dbt", "Airflow"], ["data_pipelines", "data_analysis"] },
        { JobDescriptions.FrontendEngineer, "frontend-engineer", ["React", "TypeScript"],
            ["frontend_engineering", "user_experience_design"] },
        { JobDescriptions.CustomerSuccessManager, "customer-success-manager", ["Salesforce", "churn"],
            ["customer_success", "communication"] },
    };

    [Theory]
    [MemberData(nameof(Postings))]
    public void Draft_names_the_postings_own_terms_in_its_questions(string posting, string id, string[] terms, string[] competencies)
    {
        var plan = Drafts.Of(posting);

        Assert.Equal(id, plan.Id);
        Assert.All(terms, term => Assert.Contains(Drafts.Questions(plan), q => q.Contains(term, StringComparison.Ordinal)));
        Assert.All(terms, term => Assert.Contains(term, plan.Vocabulary!));
        Assert.All(competencies, c => Assert.Contains(c, Drafts.Competencies(plan)));
    }

    public static TheoryData<string> Samples =>
        [JobDescriptions.DataEngineer, JobDescriptions.FrontendEngineer, JobDescriptions.CustomerSuccessManager];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Draft_is_a_complete_valid_plan(string posting)
    {
        var plan = Drafts.Of(posting);

        Assert.Empty(PlanRules.Problems(plan));
        Assert.InRange(plan.Competencies.Count, 4, 6);
        Assert.Equal("intro", plan.Phases[0].Name);
        Assert.Equal(["behavioral", "closing"], plan.Phases.TakeLast(2).Select(p => p.Name));
        Assert.All(plan.Competencies, c => Assert.Contains(plan.Phases.SelectMany(p => p.Questions), q => q.Competency == c.Name));
        Assert.NotEmpty(plan.ClosingRemark);
        Assert.NotNull(plan.About);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Same_posting_gives_the_same_draft(string posting)
    {
        var first = PlanJson.Write(Drafts.Of(posting));
        var again = PlanJson.Write(new PlanDrafter(CompetencyLibrary.LoadEmbedded()).Draft(new DraftRequest(posting)));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Engineering_roles_get_a_technical_phase_and_others_a_skills_phase()
    {
        Assert.Equal("technical", Drafts.Of(JobDescriptions.DataEngineer).Phases[1].Name);
        Assert.Equal("technical", Drafts.Of(JobDescriptions.FrontendEngineer).Phases[1].Name);
        Assert.Equal("skills", Drafts.Of(JobDescriptions.CustomerSuccessManager).Phases[1].Name);
    }

    [Fact]
    public void Role_and_location_are_read_from_the_posting()
    {
        var plan = Drafts.Of(JobDescriptions.DataEngineer);

        Assert.Equal("Senior Data Engineer", plan.Role);
        Assert.Equal("Remote (EU time zones)", plan.About!.Location);
        Assert.Contains(Drafts.Questions(plan), q => q.Contains("Senior Data Engineer role", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Data engineer: build pipelines with Kafka, dbt and Airflow; own data quality.", "Data Engineer")]
    [InlineData("We're looking for a backend developer to build our payment APIs.", "Backend Developer")]
    [InlineData("Note: we bake bread on weekends and need help.", PlanDrafter.FallbackRole)]
    public void One_line_postings_name_their_role_before_a_colon_or_in_prose(string posting, string role)
    {
        Assert.Equal(role, Drafts.Of(posting).Role);
    }

    [Fact]
    public void Given_role_wins_over_the_postings_title()
    {
        var plan = Drafts.Of(JobDescriptions.FrontendEngineer, role: "Web Developer (Contract)");

        Assert.Equal("Web Developer (Contract)", plan.Role);
        Assert.Equal("web-developer-contract", plan.Id);
    }

    [Fact]
    public void Posting_that_names_no_skill_still_drafts_a_valid_plan_from_fallbacks()
    {
        var plan = Drafts.Of("We need help in our bakery on weekends.");

        Assert.Empty(PlanRules.Problems(plan));
        Assert.Equal(PlanDrafter.FallbackRole, plan.Role);
        Assert.Equal(["problem_solving", "project_delivery", "collaboration", "communication"], Drafts.Competencies(plan));
    }

    [Fact]
    public void Senior_and_lead_hires_are_asked_about_leadership_with_deeper_follow_ups()
    {
        var mid = Drafts.Of(JobDescriptions.FrontendEngineer, seniority: Seniority.Mid);
        var lead = Drafts.Of(JobDescriptions.FrontendEngineer, seniority: Seniority.Lead);

        Assert.DoesNotContain("leadership", Drafts.Competencies(mid));
        Assert.Contains("leadership", Drafts.Competencies(lead));
        Assert.True(lead.MaxFollowupsPerQuestion > mid.MaxFollowupsPerQuestion);
        Assert.True(lead.Phase("behavioral").MaxQuestions > mid.Phase("behavioral").MaxQuestions);
        Assert.Contains(Drafts.Questions(lead, "behavioral"), q => q.Contains("leading beyond your own work", StringComparison.Ordinal));
    }

    [Fact]
    public void Junior_hires_get_fewer_skill_questions_and_may_answer_briefly()
    {
        var junior = Drafts.Of(JobDescriptions.FrontendEngineer, seniority: Seniority.Junior);
        var mid = Drafts.Of(JobDescriptions.FrontendEngineer, seniority: Seniority.Mid);

        Assert.True(junior.Phase("technical").MaxQuestions < mid.Phase("technical").MaxQuestions);
        Assert.True(junior.MinAnswerWords < mid.MinAnswerWords);
        Assert.Empty(PlanRules.Problems(junior));
    }

    [Fact]
    public void Seniority_is_read_from_the_title_when_not_given()
    {
        Assert.Equal(2, Drafts.Of(JobDescriptions.DataEngineer).MaxFollowupsPerQuestion);
        Assert.Equal(1, Drafts.Of(JobDescriptions.DataEngineer, seniority: Seniority.Mid).MaxFollowupsPerQuestion);
    }

    [Fact]
    public void First_questions_of_a_phase_cover_each_competency_before_any_twice()
    {
        var plan = Drafts.Of(JobDescriptions.DataEngineer);
        var technical = plan.Phase("technical");
        var skills = plan.Competencies.Count(c => technical.Questions.Any(q => q.Competency == c.Name));

        Assert.Equal(skills, technical.Questions.Take(skills).Select(q => q.Competency).Distinct().Count());
    }

    [Theory]
    [InlineData("Senior Data Engineer (Remote)", "senior-data-engineer-remote")]
    [InlineData("  C# / .NET Developer ", "c-net-developer")]
    [InlineData("Développeur", "d-veloppeur")]
    [InlineData("!", "drafted-plan")]
    public void Plan_id_is_a_slug_of_the_role(string role, string id) => Assert.Equal(id, PlanDrafter.Slug(role));
}
