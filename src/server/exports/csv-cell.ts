/**
 * A CSV cell that a spreadsheet program would run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) starts with an apostrophe instead, so opening an export never runs text someone typed or imported. The rule
 * of the domain's CSV writers (inventory, menukaart, inschrijvingen), for the exports that use the plain CSV line writer.
 */
export function geenFormule(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
