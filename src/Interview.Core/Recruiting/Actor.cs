namespace Interview.Core.Recruiting;

/// <summary>
/// Who did something on the recruiter's side: a signed-in person (Entra ID object id and display name), or one of the
/// two stand-ins for the development credentials, which name no person.
/// </summary>
public sealed record Actor(string ObjectId, string Name)
{
    public static readonly Actor AdminKey = new("admin-key", "admin key");

    public static readonly Actor OpenMode = new("open", "open mode");
}
