namespace Repitbot.Hosting.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Tutor = "tutor";
    public const string Student = "student";
    public const string Service = "service";

    public static readonly IReadOnlyList<string> All = [Admin, Tutor, Student, Service];
}

/// <summary>Authorization policy names; each service applies them to route groups.</summary>
public static class Policies
{
    public const string Admin = "admin";
    /// <summary>Tutors for their own data, admins and services for anyone's.</summary>
    public const string TutorData = "tutor-data";
    public const string AnyUser = "any-user";
}

public static class RepitbotClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Scope = "scope";
}
