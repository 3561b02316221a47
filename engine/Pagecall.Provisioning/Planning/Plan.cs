using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

/// <summary>Kind of workspace object that a change addresses.</summary>
public enum ResourceKind
{
    User,
    Room,
    Member,
}

/// <summary>What a change does to its object. The reason for the action is carried separately.</summary>
public enum ChangeAction
{
    /// <summary>The object stays as it is.</summary>
    NoOp,

    /// <summary>The object is created.</summary>
    Create,

    /// <summary>Fields of the object change in place.</summary>
    Update,

    /// <summary>A new object is created and the old one is terminated, because a field cannot change in place.</summary>
    Replace,

    /// <summary>The object is removed.</summary>
    Delete,
}

/// <summary>The type of a field's value. Values are carried as text; renderers use the type to print or encode them.</summary>
public enum FieldType
{
    /// <summary>Text, printed in quotes.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number in invariant decimal digits.</summary>
    Integer,
}

/// <summary>A before and after value of one field. Sensitive values are masked by renderers, never printed.</summary>
/// <param name="Field">Manifest name of the field, such as <c>name</c> or <c>type</c>.</param>
/// <param name="Before">Live value before the change, or null when the field had no value.</param>
/// <param name="After">Value after the change, or null when the field will have no value.</param>
/// <param name="ForcesReplacement">True when this field cannot change in place and causes a replace.</param>
/// <param name="Sensitive">True when the values are secrets that no output may show.</param>
/// <param name="Type">The type of the values.</param>
public sealed record FieldChange(
    string Field,
    string? Before,
    string? After,
    bool ForcesReplacement = false,
    bool Sensitive = false,
    FieldType Type = FieldType.String)
{
    /// <summary>True when the value changes. Creates and replaces also list the fields that keep their value.</summary>
    public bool IsChanged => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// One planned change: the object it addresses, the action, why, the field differences and the changes it
/// depends on. Addresses look like <c>user["mentor-ashley"]</c>, <c>room["Demo"]</c> and
/// <c>room["Demo"].member["mentor-ashley"]</c>.
/// </summary>
public sealed record PlannedChange
{
    public required string Address { get; init; }

    public required ResourceKind Kind { get; init; }

    public required ChangeAction Action { get; init; }

    /// <summary>Why the action was chosen, in words, such as "type cannot change in place".</summary>
    public required string Reason { get; init; }

    /// <summary>Live id of the object, when it exists already.</summary>
    public string? LiveId { get; init; }

    public IReadOnlyList<FieldChange> Fields { get; init; } = [];

    /// <summary>Addresses of changes that must succeed before this one runs.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>True when the change destroys or replaces an object and so needs explicit consent.</summary>
    public bool IsDestructive => Action is ChangeAction.Replace or ChangeAction.Delete && Kind != ResourceKind.Member;

    /// <summary>Where the manifest declares the object, or null for an object that only exists live.</summary>
    public SourcePosition? Source { get; init; }
}

/// <summary>Counts of a plan by action, as shown in its summary line.</summary>
public sealed record PlanSummary(int ToCreate, int ToUpdate, int ToReplace, int ToRemove, int Unchanged)
{
    public bool HasChanges => ToCreate + ToUpdate + ToReplace + ToRemove > 0;

    public static PlanSummary Of(IEnumerable<PlannedChange> changes)
    {
        int create = 0, update = 0, replace = 0, remove = 0, unchanged = 0;
        foreach (var change in changes)
        {
            switch (change.Action)
            {
                case ChangeAction.Create: create++; break;
                case ChangeAction.Update: update++; break;
                case ChangeAction.Replace: replace++; break;
                case ChangeAction.Delete: remove++; break;
                default: unchanged++; break;
            }
        }

        return new PlanSummary(create, update, replace, remove, unchanged);
    }
}

/// <summary>An ordered list of changes that brings the live workspace to the manifest.</summary>
public sealed record Plan(string ManifestFile, IReadOnlyList<PlannedChange> Changes)
{
    public PlanSummary Summary { get; } = PlanSummary.Of(Changes);

    /// <summary>
    /// Live users and rooms that the manifest does not declare. No change is planned for them, so they do not
    /// count in <see cref="Summary"/>.
    /// </summary>
    public UnmanagedObjects Unmanaged { get; init; } = UnmanagedObjects.None;
}
