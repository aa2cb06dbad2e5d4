extension Double {
    /// Fixed-point text with `digits` decimals, independent of the locale.
    public func formatted(digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (self * scale).rounded() / scale
        guard digits > 0 else { return String(Int(rounded)) }
        let whole = Int(rounded)
        var fraction = String(Int(((abs(rounded) - Double(abs(whole))) * scale).rounded()))
        while fraction.count < digits { fraction = "0" + fraction }
        return "\(rounded < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)"
    }
}
