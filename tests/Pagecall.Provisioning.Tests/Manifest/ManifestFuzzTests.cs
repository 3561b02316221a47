using System.Text;
using CsCheck;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>
/// Property tests: valid manifests, mutated at random, always load to either a model or errors, and never throw.
/// </summary>
public sealed class ManifestFuzzTests
{
    private static readonly string[] Seeds =
    [
        File.ReadAllText(RepositoryFiles.PathOf("samples/tutoring/workspace.yaml")),
        """
        version: 1
        users:
          - user_id: mentor-ashley
            name: Ashley Kim
            profile_url: https://example.com/a.png
            default_member_type: host
        rooms:
          - name: "One-on-One: Ashley & Jayden"
            id: 000585f36eed9e8fb6b655b4
            renamed_from: "Ashley/Jayden"
            type: private
            record: true
            max_meeting_seconds: 3600
            members: &pair
              - { user_id: mentor-ashley, type: host }
              - { user_id: mentee-jayden }
          - name: Demo
            type: open
            members: *pair
        """,
    ];

    private static readonly Gen<char> Characters = Gen.OneOf(
        Gen.Char,
        Gen.Char['a', 'z'],
        Gen.OneOf<char>(
            ':', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '\t', '"', '\'', '#', '\n', '\r', ' ',
            '?', '%', '@', '`', '~', '\uFEFF', '\0'));

    private static readonly Gen<Mutation> Mutations =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 100_000], Gen.Int[0, 100_000], Characters,
            (kind, first, second, character) => new Mutation(kind, first, second, character));

    private static readonly Gen<string> MutatedManifests =
        Gen.Select(
            Gen.Int[0, Seeds.Length - 1], Mutations.Array[1, 8], (seed, mutations) => Mutate(Seeds[seed], mutations));

    [Fact]
    public void MutatedText_YieldsModelOrErrors()
    {
        MutatedManifests.Sample(text => AssertModelOrErrors(ManifestLoader.Parse(text, "workspace.yaml")), iter: 3_000);
    }

    [Fact]
    public void MutatedBytes_YieldsModelOrErrors()
    {
        var gen = Gen.Select(MutatedManifests, Gen.Int[0, 100_000], Gen.Byte, (text, offset, value) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > 0)
            {
                bytes[offset % bytes.Length] = value;
            }

            return bytes;
        });

        gen.Sample(bytes => AssertModelOrErrors(ManifestLoader.Parse(bytes, "workspace.yaml")), iter: 1_000);
    }

    private static void AssertModelOrErrors(ManifestLoadResult result)
    {
        Assert.True(result.Succeeded != result.Errors.Count > 0, "Expected either a manifest or errors.");
        foreach (var diagnostic in result.Errors.Concat(result.Warnings))
        {
            Assert.True(diagnostic.Position.Line >= 1, diagnostic.ToString());
            Assert.True(diagnostic.Position.Column >= 1, diagnostic.ToString());
        }
    }

    private static string Mutate(string text, Mutation[] mutations)
    {
        var lines = text.Split('\n').ToList();
        foreach (var mutation in mutations)
        {
            lines = mutation.ApplyTo(lines);
        }

        return string.Join('\n', lines);
    }

    /// <summary>One random edit: which kind, two random numbers for positions, and a character to insert.</summary>
    private sealed record Mutation(int Kind, int First, int Second, char Character)
    {
        public List<string> ApplyTo(List<string> lines)
        {
            if (lines.Count == 0)
            {
                return [Character.ToString()];
            }

            var index = First % lines.Count;
            var other = Second % lines.Count;
            var line = lines[index];
            switch (Kind)
            {
                case 0:
                    lines.RemoveAt(index);
                    break;
                case 1:
                    lines.Insert(index, line);
                    break;
                case 2:
                    (lines[index], lines[other]) = (lines[other], lines[index]);
                    break;
                case 3:
                    lines[index] = line.Insert(Second % (line.Length + 1), Character.ToString());
                    break;
                case 4:
                    lines[index] = Reindent(line, Second % 5 - 2);
                    break;
                case 5:
                    lines[index] = line[..(Second % (line.Length + 1))];
                    lines.RemoveRange(index + 1, lines.Count - index - 1);
                    break;
                default:
                    lines[index] = line.Length == 0 ? line : Replace(line, Second % line.Length, Character);
                    break;
            }

            return lines;
        }

        private static string Replace(string line, int position, char character) =>
            line.Remove(position, 1).Insert(position, character.ToString());

        private static string Reindent(string line, int change)
        {
            var indentation = line.Length - line.TrimStart(' ').Length;
            return change >= 0 ? new string(' ', change) + line : line[Math.Min(-change, indentation)..];
        }
    }
}
