/**
 * Names of the add-in's tables. Table names are unique in a workbook (Excel compares them
 * ignoring case): a name a user table already has gets "_2", "_3"… and the message says so.
 */

/** The name to use for `wanted` given the names taken (lower case); the result is added to `taken`. */
export function tableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}
