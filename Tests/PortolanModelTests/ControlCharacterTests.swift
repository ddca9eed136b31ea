import PortolanModel
import Testing

@Suite struct ControlCharacterTests {
    /// The shortcut agrees with Unicode's general category for every scalar there is.
    @Test func sameAsTheGeneralCategoryForEveryScalar() {
        var controls = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let control = scalar.properties.generalCategory == .control
            if control { controls += 1 }
            if scalar.isControlCharacter != control {
                Issue.record("U+\(String(value, radix: 16)): shortcut says \(scalar.isControlCharacter), Unicode says \(control)")
            }
        }
        #expect(controls == 65)
    }
}
