using Interview.Functions.Webhooks;

namespace Interview.Functions.Tests.Webhooks;

/// <summary>Signing as the Standard Webhooks specification defines it, checked against the specification's own test vector.</summary>
public sealed class WebhookSignatureTests
{
    // From the specification (standard-webhooks, spec/standard-webhooks.md, "Signature scheme" example).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset Then = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Signs_the_specifications_example_as_it_says()
    {
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, Id, Timestamp, Body));
    }

    [Fact]
    public void Verifies_a_good_signature_among_several_and_refuses_a_changed_body_id_or_secret()
    {
        var header = "v1,bm90IHRoaXMgb25l " + Expected; // a receiver may be sent several (a rotated secret)

        Assert.True(WebhookSignature.Verify(Secret, Id, "1614265330", header, Body, Then.AddMinutes(1)));
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", header, Body.Replace('2', '3'), Then));
        Assert.False(WebhookSignature.Verify(Secret, "msg_other", "1614265330", header, Body, Then));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), Id, "1614265330", header, Body, Then));
    }

    [Fact]
    public void Refuses_a_timestamp_outside_the_tolerance_or_unreadable()
    {
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Expected, Body, Then + WebhookSignature.Tolerance.Add(
            TimeSpan.FromSeconds(1))));
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Expected, Body, Then - TimeSpan.FromMinutes(6)));
        Assert.False(WebhookSignature.Verify(Secret, Id, "soon", Expected, Body, Then));
    }

    [Fact]
    public void A_new_secret_is_32_random_bytes_in_the_whsec_form()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
    }
}
