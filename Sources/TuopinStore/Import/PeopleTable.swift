/// Every person an import has read, by identity: resident ID numbers packed into an integer in
/// an open-addressing table, other identities in a dictionary. A province's 3 million people
/// take about 130 MB this way, where a `Dictionary` (at most three quarters full, its size a
/// power of two, its keys an enum with a string) would take three times as much.
struct PeopleTable {
    private var residents = ResidentTable()
    private var others: [IdentityKey: PersonEntry] = [:]

    var count: Int { residents.count + others.count }

    func get(_ key: IdentityKey) -> PersonEntry? {
        switch key {
        case .resident(let value): residents.get(value)
        case .other: others[key]
        }
    }

    mutating func set(_ key: IdentityKey, _ entry: PersonEntry) {
        switch key {
        case .resident(let value): residents.set(value, entry)
        case .other: others[key] = entry
        }
    }
}

/// Packed resident numbers to entries: linear probing, at most seven eighths full.
struct ResidentTable {
    /// Each key plus one (a packed number may be 0); 0 marks an empty slot.
    private var keys: [UInt64]
    private var values: [PersonEntry?]
    private var shift: UInt64
    private(set) var count = 0

    init(bits: Int = 10) {
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(_ stored: UInt64) -> Int {
        let mask = keys.count - 1
        // Fibonacci hashing: the multiply spreads the packed digits over the high bits.
        var i = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[i] != 0 && keys[i] != stored { i = (i + 1) & mask }
        return i
    }

    func get(_ key: UInt64) -> PersonEntry? {
        let stored = key &+ 1
        let i = slot(stored)
        return keys[i] == stored ? values[i] : nil
    }

    mutating func set(_ key: UInt64, _ entry: PersonEntry) {
        let stored = key &+ 1
        var i = slot(stored)
        if keys[i] != stored {
            if (count + 1) * 8 > keys.count * 7 {
                grow()
                i = slot(stored)
            }
            keys[i] = stored
            count += 1
        }
        values[i] = entry
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let bits = 64 - Int(shift) + 1
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = UInt64(64 - bits)
        for (i, stored) in oldKeys.enumerated() where stored != 0 {
            let j = slot(stored)
            keys[j] = stored
            values[j] = oldValues[i]
        }
    }
}
