import type { PostmortemConfig } from '../config/schema';
import { buildCustomProfile } from './custom';
import { BUILT_IN_PROFILES, type Profile } from './profiles';

const customCache = new WeakMap<object, Map<string, { profile?: Profile; problem?: string }>>();

/**
 * The profile a document uses: its front matter's `profile:` first, then the configuration.
 * An unknown name gives a problem (`unknown` set) and the `core` profile.
 */
export function resolveProfile(frontMatterName: string | undefined, config: PostmortemConfig): { profile: Profile; problem?: string; unknown?: boolean } {
  const name = frontMatterName?.trim() || config.profile;
  const custom = config.profiles[name];
  if (custom) {
    let byName = customCache.get(config.profiles);
    if (!byName) customCache.set(config.profiles, (byName = new Map()));
    let built = byName.get(name);
    if (!built) byName.set(name, (built = buildCustomProfile(name, custom)));
    if (built.profile) return { profile: built.profile };
    return { profile: BUILT_IN_PROFILES.core, problem: built.problem };
  }
  const builtIn = BUILT_IN_PROFILES[name];
  if (builtIn) return { profile: builtIn };
  const known = [...Object.keys(BUILT_IN_PROFILES), ...Object.keys(config.profiles)].join(', ');
  return { profile: BUILT_IN_PROFILES.core, problem: `"profile": there is no profile "${name}" (profiles: ${known}); using "core"`, unknown: true };
}
