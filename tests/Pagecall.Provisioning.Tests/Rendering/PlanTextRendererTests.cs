using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Rendering;

namespace Pagecall.Provisioning.Tests.Rendering;

public sealed class PlanTextRendererTests
{
    [Fact]
    public void Text_lists_changes_with_symbols()
    {
        var text = PlanTextRenderer.Render(SamplePlans.Mixed);

        Assert.Equal(
            $$"""
            + user["ann"]: user does not exist in the workspace
                name: "Ann"
                default_member_type: "host"
            ~ user["bob"] (id-bob): name differs from the live workspace
                name: "Bob" -> "Robert"
            -/+ room["Demo"] ({{SamplePlans.RoomId}}): type and record cannot change in place, so a new room replaces the live one, which is terminated
                name: "Demo"
                type: "private" -> "public" (forces replacement)
                record: true -> false (forces replacement)
            + room["Demo"].member["ann"]: added in the call that creates the room
                type: "host"
            - room["Old"].member["dave"] (member-dave): member is not in the room's member list in the manifest
                type: "guest"

            1 object unchanged.
            Plan: 2 to create, 1 to update, 1 to replace, 1 to remove.

            """,
            text);
    }

    [Fact]
    public void Text_without_changes_says_so()
    {
        var plan = new Plan("workspace.yaml", [SamplePlans.Mixed.Changes[2]]);

        var text = PlanTextRenderer.Render(plan);

        Assert.Equal(
            """
            No changes. The workspace matches workspace.yaml.

            1 object unchanged.
            Plan: 0 to create, 0 to update, 0 to replace, 0 to remove.

            """,
            text);
    }

    [Fact]
    public void Text_has_no_colour_unless_asked()
    {
        Assert.DoesNotContain('\u001b', PlanTextRenderer.Render(SamplePlans.Mixed));
    }

    [Fact]
    public void Text_colours_symbols_when_asked()
    {
        var text = PlanTextRenderer.Render(SamplePlans.Mixed, new PlanTextOptions(Color: true));

        Assert.Contains("\u001b[32m+\u001b[0m user[\"ann\"]", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[33m~\u001b[0m user[\"bob\"]", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[35m-/+\u001b[0m room[\"Demo\"]", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m-\u001b[0m room[\"Old\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_escapes_control_characters_in_values()
    {
        var change = SamplePlans.Mixed.Changes[1] with { Fields = [new("name", "Bob", "Rob\u001b[2J\nert")] };

        var text = PlanTextRenderer.Render(new Plan("workspace.yaml", [change]));

        Assert.Contains("name: \"Bob\" -> \"Rob\\u001B[2J\\nert\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }
}
