import PortolanModel

/// Where a grid cell was written (`SourcePosition`: line, column and page in 12 bytes).
public typealias GridPosition = SourcePosition
