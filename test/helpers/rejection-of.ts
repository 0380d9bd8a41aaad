/** What a promise that must reject rejected with; fails the test if it resolved. */
export async function rejectionOf(operation: Promise<unknown>): Promise<unknown> {
  try {
    await operation;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to reject, but it resolved');
}
