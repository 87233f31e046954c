/**
 * oidc-provider's storage for the dev issuer: in memory on purpose (it serves development and tests; nothing must
 * outlive a restart, keys and secrets included). Our own small adapter, so oidc-provider does not warn about its
 * built-in one.
 */
type Payload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: number;
};

const store = new Map<string, { payload: Payload; expiresAt: number | undefined }>();

export class MemoryAdapter {
  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  private read(key: string): Payload | undefined {
    const entry = store.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  async upsert(id: string, payload: Payload, expiresInSeconds?: number): Promise<void> {
    const expiresAt = expiresInSeconds === undefined ? undefined : Date.now() + expiresInSeconds * 1000;
    store.set(this.key(id), { payload, expiresAt });
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.read(this.key(id));
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.findBy((payload) => payload.userCode === userCode);
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.findBy((payload) => payload.uid === uid);
  }

  async consume(id: string): Promise<void> {
    const payload = this.read(this.key(id));
    if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
  }

  private findBy(predicate: (payload: Payload) => boolean): Payload | undefined {
    const prefix = `${this.model}:`;
    for (const key of store.keys()) {
      const payload = key.startsWith(prefix) ? this.read(key) : undefined;
      if (payload !== undefined && predicate(payload)) return payload;
    }
    return undefined;
  }
}
