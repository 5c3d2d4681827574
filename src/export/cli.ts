export async function runExport(_o: unknown): Promise<number> { return 1; }
export async function runImport(_f: string, _o: unknown): Promise<number> { return 1; }
