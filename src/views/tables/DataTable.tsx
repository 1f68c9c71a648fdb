import { createContext, memo, useContext, useId, type ReactNode } from "react";
import "./tables.css";

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  /** Right-aligned, like numbers in a terminal. */
  numeric?: boolean;
}

/**
 * True where the tables are only the text alternative of the picture (visually hidden): their
 * scroll containers then take no place in the Tab order, since a sighted user cannot see them.
 */
export const TextAlternativeOnly = createContext(false);

/**
 * Animation frames over which a table's rows are brought up to date while the simulation
 * plays: each row about 4 times a second when shown, twice as the hidden text alternative
 * (all of them at once when paused).
 */
export function useRefreshFrames(): number {
  return useContext(TextAlternativeOnly) ? 30 : 15;
}

/**
 * The roles of a table's parts, said explicitly where the hidden tables are laid out as plain
 * blocks (tables.css): a browser lays out a whole table again when one cell changes, which for
 * a thousand rows is a jolt, but only the changed blocks; the roles keep it a table to read.
 */
const role = (hidden: boolean, name: string): string | undefined => (hidden ? name : undefined);

interface RowProps<R> {
  row: R;
  columns: readonly Column<R>[];
  className: string | undefined;
  hidden: boolean;
}

/** One row; memoized, so that of a thousand rows only those whose content changed render. */
const DataRow = memo(function DataRow<R>({ row, columns, className, hidden }: RowProps<R>) {
  return (
    <tr className={className} role={role(hidden, "row")}>
      {columns.map((c) => (
        <td key={c.header} className={c.numeric ? "num" : undefined} role={role(hidden, "cell")}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}) as <R>(props: RowProps<R>) => ReactNode;

/** A captioned table of rows, the accessible text view of what the picture shows. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  rowClass,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string | undefined;
}) {
  const hidden = useContext(TextAlternativeOnly);
  const captionId = useId();
  return (
    // A wide table scrolls inside its own box, never the page; the box takes the focus so that
    // the keyboard can scroll it too.
    <div
      className="table-scroll"
      tabIndex={hidden ? undefined : 0}
      role="group"
      aria-label={`${caption} table`}
    >
      <table
        className="data"
        role={role(hidden, "table")}
        aria-labelledby={hidden ? captionId : undefined}
      >
        <caption id={captionId}>{caption}</caption>
        <thead role={role(hidden, "rowgroup")}>
          <tr role={role(hidden, "row")}>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={c.numeric ? "num" : undefined}
                role={role(hidden, "columnheader")}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role={role(hidden, "rowgroup")}>
          {rows.map((r) => (
            <DataRow
              key={rowKey(r)}
              row={r}
              columns={columns}
              className={rowClass?.(r)}
              hidden={hidden}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
