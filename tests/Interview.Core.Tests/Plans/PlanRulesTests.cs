using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Plans;

public sealed class PlanRulesTests
{
    private static readonly InterviewPlan Valid = TestPlans.Small();

    private const string Slug =
        "lowercase letters, digits, hyphens and underscores, starting with a letter or digit, at most 64 characters";
    private const string SnakeCase =
        "snake_case (lowercase letters, digits and underscores, starting with a letter), at most 64 characters";
    private const string PlanId = "must be 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit";

    public static TheoryData<string, InterviewPlan, string[]> Defects => new()
    {
        { "bad id", Valid with { Id = "Small Plan" }, [$"id 'Small Plan' {PlanId}"] },
        { "one-letter id", Valid with { Id = "s" }, [$"id 's' {PlanId}"] },
        { "empty role", Valid with { Role = " " }, ["role is empty"] },
        { "long role", Valid with { Role = new string('r', 101) }, ["role is longer than 100 characters"] },
        { "zero budget", Valid with { MaxQuestions = 0 }, ["max_questions must be between 1 and 100"] },
        { "negative follow-ups", Valid with { MaxFollowupsPerQuestion = -1 }, ["max_followups_per_question must be between 0 and 5"] },
        { "huge min words", Valid with { MinAnswerWords = 500 }, ["min_answer_words must be between 0 and 200"] },
        { "small overall budget", Valid with { MaxQuestions = 6 },
            ["the phases' max_questions add up to 7, more than the plan's max_questions of 6"] },
        { "no closing", Valid with { ClosingRemark = "" }, ["needs a closing phase or a closing_remark"] },
        { "bad locale", Valid with { Locale = "English" }, ["locale 'English' must be a language tag such as en-US"] },
        { "blank vocabulary", Valid with { Vocabulary = ["Kafka", " "] },
            ["vocabulary entry ' ' must be non-empty and at most 60 characters"] },
        { "long about", Valid with { About = new PlanAbout(null, new string('t', 2001), null, null, null) },
            ["about.team is longer than 2000 characters"] },
        { "no competencies", Valid with { Competencies = [] },
            [
                "needs 1 to 20 competencies, has 0",
                "question 'd1' names competency 'design', which the plan does not have",
                "question 'd2' names competency 'design', which the plan does not have",
            ] },
        { "too many competencies", Valid with { Competencies = [Skill("design"), .. Enumerable.Range(0, 20).Select(i => Skill($"c{i}"))] },
            ["needs 1 to 20 competencies, has 21"] },
        { "camel-case competency", Valid with { Competencies = [Skill("design"), Skill("SystemDesign")] },
            [$"competency 'SystemDesign': name must be {SnakeCase}"] },
        { "duplicate competency", Valid with { Competencies = [Skill("design"), Skill("design")] },
            ["competency names must be unique: 'design' appears more than once"] },
        { "no keywords", Valid with { Competencies = [new Competency("design", "Designs.", [])] },
            ["competency 'design': needs at least one keyword"] },
        { "uppercase keyword", Valid with { Competencies = [new Competency("design", "Designs.", ["Cache"])] },
            ["competency 'design': keywords entry 'Cache' must be non-empty, lowercase and at most 60 characters"] },
        { "no description", Valid with { Competencies = [new Competency("design", "", ["cache"])] },
            ["competency 'design': description is empty"] },
        { "no phases", Valid with { Phases = [] }, ["needs 1 to 8 phases, has 0"] },
        { "duplicate phase", Valid with { Phases = [Valid.Phases[0], Valid.Phases[0] with { MaxQuestions = 1, Questions = [Q("x1")] }] },
            ["phase names must be unique: 'warmup' appears more than once"] },
        { "phase name with spaces", WithWarmup(w => w with { Name = "warm up" }),
            [$"phase 'warm up': name must be {Slug}"] },
        { "phase without questions", WithWarmup(w => w with { Questions = [] }),
            ["phase 'warmup': needs 1 to 40 questions, has 0"] },
        { "phase with 41 questions", WithWarmup(w => w with { Questions = [.. Enumerable.Range(0, 41).Select(i => Q($"w{i}"))] }),
            ["phase 'warmup': needs 1 to 40 questions, has 41"] },
        { "zero phase budget", WithWarmup(w => w with { MaxQuestions = 0 }),
            ["phase 'warmup': max_questions must be between 1 and its number of questions (2), is 0"] },
        { "phase budget over its bank", WithWarmup(w => w with { MaxQuestions = 3 }),
            ["phase 'warmup': max_questions must be between 1 and its number of questions (2), is 3"] },
        { "long transition", WithWarmup(w => w with { Transition = new string('t', 501) }),
            ["phase 'warmup': transition is longer than 500 characters"] },
        { "duplicate question ids", WithWarmup(w => w with { Questions = [Q("w1"), Q("w1")] }),
            ["question ids must be unique: 'w1' appears more than once"] },
        { "question id with spaces", WithWarmup(w => w with { Questions = [Q("w 1"), Q("w2")] }),
            [$"question 'w 1': id must be {Slug}"] },
        { "empty question", WithWarmup(w => w with { Questions = [Q("w1") with { Text = "" }, Q("w2")] }),
            ["question 'w1': text is empty"] },
        { "unknown competency", WithWarmup(w => w with { Questions = [Q("w1") with { Competency = "juggling" }, Q("w2")] }),
            ["question 'w1' names competency 'juggling', which the plan does not have"] },
    };

    [Fact]
    public void Valid_plans_have_no_problems()
    {
        Assert.Empty(PlanRules.Problems(Valid));
        Assert.Empty(PlanRules.Problems(TestPlans.Default));
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void Invalid_plan_has_exactly_its_problems(string defect, InterviewPlan plan, string[] problems)
    {
        Assert.True(problems.SequenceEqual(PlanRules.Problems(plan)), $"{defect}: {string.Join(" | ", PlanRules.Problems(plan))}");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var plan = Valid with { Id = "", Role = "", MaxQuestions = 0, Competencies = [], Phases = [] };

        Assert.Equal(5, PlanRules.Problems(plan).Count);
    }

    [Fact]
    public void Null_parts_are_problems_not_exceptions()
    {
        var plan = Valid with { Competencies = [null!], Phases = [Valid.Phases[0] with { Questions = [null!, Q("w2")] }, null!] };

        Assert.Equal(["competencies[0] is null", "phase 'warmup': questions[0] is null", "phases[1] is null"], PlanRules.Problems(plan));
    }

    [Fact]
    public void Catalog_refuses_an_invalid_plan_naming_every_problem()
    {
        var error = Assert.Throws<InvalidDataException>(() => new PlanCatalog([Valid with { Role = "", MaxQuestions = 0 }]));

        Assert.Equal("Plan 'small': role is empty; max_questions must be between 1 and 100.", error.Message);
    }

    private static InterviewPlan WithWarmup(Func<InterviewPhase, InterviewPhase> change) =>
        Valid with { Phases = [change(Valid.Phases[0]), .. Valid.Phases.Skip(1)] };

    private static Competency Skill(string name) => new(name, "Does things.", ["thing"]);

    private static PlanQuestion Q(string id) => new(id, $"Question {id}?", null);
}
