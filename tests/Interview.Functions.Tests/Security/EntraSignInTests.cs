using System.Net;
using System.Net.Http.Headers;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

/// <summary>
/// Recruiters' Entra ID access tokens, validated for real through the whole pipeline against a loopback OpenID provider:
/// only a token the tenant signed, for this API, unexpired and with the app role opens a recruiter route.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntraSignInTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LoopbackOpenIdProvider _provider = null!;
    private InterviewApp _app = null!;

    public async Task InitializeAsync()
    {
        _provider = await LoopbackOpenIdProvider.StartAsync();
        _app = TokenApp.Create(azurite, _provider.Settings);
    }

    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "right", HttpStatusCode.OK },
        { "audience without api://", HttpStatusCode.OK },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "signed by other keys", HttpStatusCode.Unauthorized },
        { "not a token", HttpStatusCode.Unauthorized },
        { "missing role", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recruiter_route_takes_only_a_valid_token_with_the_role(string kind, HttpStatusCode expected)
    {
        var token = kind switch
        {
            "right" => _provider.Token(),
            "audience without api://" => _provider.Token(audience: LoopbackOpenIdProvider.ClientId),
            "wrong audience" => _provider.Token(audience: "api://another-app"),
            "wrong issuer" => _provider.Token(issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            "expired" => _provider.Token(expiresIn: TimeSpan.FromMinutes(-10)),
            "signed by other keys" => _provider.Token(key: LoopbackOpenIdProvider.NewKey()),
            "not a token" => "aaa.bbb.ccc",
            _ => _provider.Token(roles: ["Interviews.Read"]),
        };

        var response = await Client(token).GetAsync("/manage/interviews");

        if (expected == HttpStatusCode.OK)
        {
            await response.JsonAsync();
            return;
        }

        var problem = await response.ProblemAsync(expected);
        Assert.Equal(expected == HttpStatusCode.Forbidden ? "forbidden" : "unauthorized", (string)problem["code"]!);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task A_rotated_signing_key_is_fetched_from_the_metadata_and_accepted()
    {
        await (await Client(_provider.Token()).GetAsync("/manage/interviews")).JsonAsync();
        var reads = _provider.MetadataReads;

        _provider.Rotate();
        await (await Client(_provider.Token()).GetAsync("/manage/interviews")).JsonAsync();

        Assert.True(_provider.MetadataReads > reads, "the new key came from a fresh read of the metadata");
        await (await Client(_provider.Token()).GetAsync("/manage/interviews")).JsonAsync();

        // Forged tokens naming unknown keys do not make it read the metadata on every request: at most one more read (the
        // library's own background refresh) until the throttle has passed.
        reads = _provider.MetadataReads;
        for (var i = 0; i < 3; i++)
        {
            var foreign = Client(_provider.Token(key: LoopbackOpenIdProvider.NewKey()));
            await (await foreign.GetAsync("/manage/interviews")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.InRange(_provider.MetadataReads, reads, reads + 1);
    }

    [Fact]
    public async Task A_recruiter_token_opens_the_state_but_a_bad_one_is_not_taken_for_a_session_token()
    {
        await _app.CandidateAsync("entra-state");

        await (await Client(_provider.Token()).GetAsync("/session/state/entra-state")).JsonAsync();
        var otherApp = Client(_provider.Token(audience: "api://another-app"));
        await (await otherApp.GetAsync("/session/state/entra-state")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client(_provider.Token(roles: [])).GetAsync("/session/state/entra-state")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_an_admin_key_setting_the_admin_header_opens_nothing()
    {
        var settings = _provider.Settings;
        settings["Security:AdminKey"] = "";
        using var app = TokenApp.Create(azurite, settings);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", TokenApp.AdminKey);

        var response = await client.GetAsync("/manage/interviews");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _provider.Token());
        await (await client.GetAsync("/manage/interviews")).JsonAsync();
    }

    private HttpClient Client(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _provider.DisposeAsync();
    }
}
