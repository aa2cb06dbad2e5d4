import Testing
@testable import OfferMapInput

/// The YAML tree read through libyaml's events: positions, styles, and what it refuses.
@Suite struct YAMLTests {
    @Test func nodesKeepTheirPositionsAndStyles() throws {
        let node = try #require(try YAMLParser.parse("name: 'A'\nlist: [a, b]\nblock:\n  - x\ntext: |\n  Zeile ü\n"))
        guard case .mapping(let mapping) = node else { Issue.record("not a mapping"); return }
        #expect(mapping.map { $0.key.string } == ["name", "list", "block", "text"])
        #expect(mapping[0].value.mark == Node.Mark(line: 1, column: 7))
        guard case .scalar(let quoted) = mapping[0].value, case .sequence(let flow) = mapping[1].value,
              case .sequence(let block) = mapping[2].value, case .scalar(let literal) = mapping[3].value else {
            Issue.record("unexpected kinds"); return
        }
        #expect(quoted.style == .singleQuoted && quoted.string == "A")
        #expect(flow.isFlow && !block.isFlow)
        #expect(block.mark == Node.Mark(line: 4, column: 3))
        #expect(literal.style == .literal && literal.string == "Zeile ü\n")
    }

    @Test func everyRepeatedKeyIsReportedAtTheRepeat() {
        #expect(throws: YAMLError.duplicateKeys([(key: "a", first: Node.Mark(line: 1, column: 1), again: Node.Mark(line: 3, column: 1)),
                                                 (key: "x", first: Node.Mark(line: 5, column: 5), again: Node.Mark(line: 6, column: 5))])) {
            try YAMLParser.parse("a: 1\nb: 2\na: 3\nc:\n  - x: 1\n    x: 2\n")
        }
    }

    @Test func aliasesSecondDocumentsAndDeepNestingAreRefused() {
        #expect(throws: YAMLError.alias(Node.Mark(line: 2, column: 4))) { try YAMLParser.parse("a: &x 1\nb: *x\n") }
        #expect(throws: (any Error).self) { try YAMLParser.parse("a: 1\n---\nb: 2\n") }
        #expect(throws: YAMLError.tooDeep(Node.Mark(line: 1, column: 4))) {
            try YAMLParser.parse("[[[[1]]]]", maximumDepth: 3)
        }
        #expect(throws: (any Error).self) { try YAMLParser.parse("a: [1, 2\n") }
        #expect((try? YAMLParser.parse("")) == .some(nil))
    }
}
