namespace Interview.Functions.Http;

// What an HTTP function declares about itself, next to its [Function] and [HttpTrigger]: who may call it, which rate
// limit it counts against, and how the OpenAPI document describes it. The edge reads these once, in both hosts.

/// <summary>Who may call: in token mode, a valid <see cref="Credential"/> for the interview in the route.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessAttribute(Credential credential) : Attribute
{
    public Credential Credential { get; } = credential;

    /// <summary>The recruiter's credential (an Entra ID access token, or the development admin key) opens it too.</summary>
    public bool OrRecruiter { get; init; }
}

public enum Credential
{
    /// <summary>Public by design (health, the OpenAPI document).</summary>
    Anyone,
    JoinToken,
    SessionToken,

    /// <summary>The recruiter: an Entra ID access token with the app role, or X-Admin-Key where Security:AdminKey is set.</summary>
    Recruiter,
}

/// <summary>Answers without storage (health, the OpenAPI document): the edge does not wait for storage set-up first.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutStorageAttribute : Attribute;

/// <summary>Counts against a named per-interview limit besides the per-client one every function has.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitedAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>The operation's tag and one-line summary in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DescribedAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;

    public string Summary { get; } = summary;
}

/// <summary>A success answer and its body type (null: no body described).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ReturnsAttribute(int status, Type? body = null) : Attribute
{
    public int Status { get; } = status;

    public Type? Body { get; } = body;
}

/// <summary>The statuses of the problem+json refusals the function itself can give (the edge adds its own).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefusesAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}

/// <summary>The request body: a media type and the type whose schema describes it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BodyAttribute(string mediaType, Type schema) : Attribute
{
    public string MediaType { get; } = mediaType;

    public Type Schema { get; } = schema;

    public bool Required { get; init; } = true;

    public string? Description { get; init; }
}

/// <summary>An optional request header the function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class HeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
