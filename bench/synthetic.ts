/** A seeded generator of tweet-like posts for the benchmark: Zipf vocabulary, threads, links, mentions, emoji. */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import type { Post } from "../src/library/post.js";

const FUNCTION_WORDS =
  "the a to of and in is that it for on you with this was be are not have but at as i we they he she so if or by from what all just about my one out up more like no do can has will there when your an how their new people our some now time".split(
    " ",
  );
const SYLLABLES =
  "ka ri to mi sa ne lu po da fe gra bel lar qui mo zen tha vor pli ex an ion ter ul ca re ve ni sto ma di per con tra ble ment ing sha vi".split(
    " ",
  );
const ACCENTED = [
  "école",
  "café",
  "naïve",
  "über",
  "señor",
  "crème",
  "façade",
  "résumé",
  "jalapeño",
  "mañana",
];
const EMOJI = ["🔥", "🚀", "😂", "❤️", "🌍", "🐈‍⬛", "👀", "✨", "🤔", "📈"];
const CONTENT_WORDS = 4_000;

export interface Vocabulary {
  /** Most frequent first. */
  words: readonly string[];
  cumulative: Float64Array;
}

export function createRng(seed: number): RandomGenerator {
  return xoroshiro128plus(seed);
}

function int(rng: RandomGenerator, from: number, to: number): number {
  return uniformInt(rng, from, to);
}

function chance(rng: RandomGenerator, p: number): boolean {
  return int(rng, 0, 999_999) < p * 1_000_000;
}

function pseudoWord(rng: RandomGenerator, syllables: number): string {
  let word = "";
  for (let i = 0; i < syllables; i++) word += SYLLABLES[int(rng, 0, SYLLABLES.length - 1)];
  return word;
}

export function createVocabulary(seed = 7): Vocabulary {
  const rng = createRng(seed);
  const seen = new Set<string>(FUNCTION_WORDS);
  const words = [...FUNCTION_WORDS];
  ACCENTED.forEach((w, i) => {
    words.splice(60 + i * 37, 0, w);
    seen.add(w);
  });
  while (words.length < FUNCTION_WORDS.length + ACCENTED.length + CONTENT_WORDS) {
    const w = pseudoWord(rng, int(rng, 2, 4));
    if (seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  // Zipf with s = 1: the word of rank r is used in proportion to 1 / r.
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    total += 1 / (r + 1);
    cumulative[r] = total;
  }
  for (let r = 0; r < words.length; r++) cumulative[r]! /= total;
  return { words, cumulative };
}

export function zipfWord(rng: RandomGenerator, vocab: Vocabulary, minRank = 0): string {
  const from = minRank === 0 ? 0 : vocab.cumulative[minRank - 1]!;
  const u = from + (int(rng, 0, 999_999) / 1_000_000) * (1 - from);
  let lo = minRank;
  let hi = vocab.words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab.cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

function targetLength(rng: RandomGenerator): number {
  const roll = int(rng, 0, 99);
  if (roll < 60) return int(rng, 20, 280);
  if (roll < 90) return int(rng, 280, 600);
  return int(rng, 600, 1_000);
}

function linkId(rng: RandomGenerator): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let id = "";
  for (let i = 0; i < 10; i++) id += alphabet[int(rng, 0, alphabet.length - 1)];
  return id;
}

export function generatePost(rng: RandomGenerator, vocab: Vocabulary, index: number): Post {
  const length = targetLength(rng);
  const isThread = length > 280 && chance(rng, 0.5);
  const topics = new Set<string>();
  const links: string[] = [];
  const mentions: string[] = [];
  const pieces: string[] = [];
  let size = 0;
  while (size < length) {
    let piece: string;
    const roll = int(rng, 0, 999);
    if (roll < 8) {
      piece = `https://t.co/${linkId(rng)}`;
      links.push(piece);
    } else if (roll < 20) {
      piece = `@user${int(rng, 1, 5_000)}`;
      mentions.push(piece);
    } else if (roll < 30) {
      const tag = zipfWord(rng, vocab, 150);
      piece = `#${tag}`;
      if (/^[a-z0-9]+$/.test(tag)) topics.add(tag);
    } else if (roll < 40) {
      piece = EMOJI[int(rng, 0, EMOJI.length - 1)]!;
    } else if (roll < 45) {
      piece = pseudoWord(rng, int(rng, 3, 5)); // a rare word, most likely seen once in the collection
    } else {
      piece = zipfWord(rng, vocab);
    }
    if (isThread && pieces.length > 0 && chance(rng, 0.04)) pieces.push("\n");
    pieces.push(piece);
    size += piece.length + 1;
  }
  const text = pieces.join(" ").replace(/ ?\n ?/g, "\n");
  const post: Post = {
    id: `p${index.toString(36)}`,
    text: text.charAt(0).toUpperCase() + text.slice(1),
    topics: [...topics],
    links: [...new Set(links)],
    mentions: [...new Set(mentions)],
  };
  if (chance(rng, 0.1)) post.title = `${zipfWord(rng, vocab, 150)} ${zipfWord(rng, vocab, 150)}`;
  return post;
}

export function generatePosts(count: number, seed = 42, vocab = createVocabulary()): Post[] {
  const rng = createRng(seed);
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) posts.push(generatePost(rng, vocab, i));
  return posts;
}
