// Money in other forms than payments and orders (tokens, native currency, swaps, token contracts), and
// the contexts in which a money word is not money (a database transaction).
import type { Rule } from '../types';
import { inflected } from './words';

/** Currencies and assets a transfer moves, besides those of `description.moves-money`. */
const ASSETS = 'native (?:tokens?|currency|coins?)|coins?|stablecoins?|sui|bnb|matic|pol|avax|trx|xrp|ada|near|apt|ton|hbar|xlm|algo|celo|ftm|atom|usdt|dai|sats|lamports|wei|gwei';
const STANDARDS = 'erc-?20|erc-?721|erc-?1155|bep-?20|spl|trc-?20|fungible|semi-fungible|non-fungible|meme';

export const moneyRules: readonly Rule[] = [
  {
    id: 'description.moves-crypto',
    match: {
      kind: 'phrase',
      anchors: ['send', 'sends', 'sending', 'transfer', 'transfers', 'transferring', 'swap', 'swaps', 'swapping', 'bridge', 'bridges', 'bridging', 'deploy', 'deploys', 'deploying', 'launch', 'launches', 'launching', 'create', 'creates', 'creating', 'issue', 'issues', 'issuing', 'execute', 'executes', 'executing'],
      starts: [...inflected(['send', 'deploy'], ['s', 'ing']), ...inflected(['transfer'], ['s', 'ring', 'ing']), ...inflected(['swap'], ['s', 'ping']), 'bridge', 'bridges', 'bridging', ...inflected(['launch'], ['es', 'ing']), 'create', 'creates', 'creating', 'issue', 'issues', 'issuing', 'token', 'execute', 'executes', 'executing'],
      pattern: new RegExp(
        [
          `\\b(?:send|transfer)(?:s|ring|ing)? (?:\\w+ ){0,2}?(?:${ASSETS})\\b`,
          `\\b(?:swap(?:s|ping)?|bridg(?:e|es|ing)) (?:\\w+ ){0,3}?(?:tokens?|crypto|eth|sol|usdc|usdt|btc|wbtc|assets)\\b`,
          '\\btoken swaps?\\b',
          '\\bexecut(?:e|es|ing) (?:an? |the )?swap\\b',
          `\\b(?:deploy|launch)(?:s|es|ing)? (?:an? |the |your )?(?:new )?(?:(?:${STANDARDS}) )?(?:tokens?|nfts?|coins?)\\b`,
          `\\b(?:creat|issu)(?:e|es|ing) (?:an? |the |your )?(?:new )?(?:${STANDARDS}) (?:tokens?|nfts?|collections?)\\b`,
        ].join('|'),
        'i',
      ),
    },
    concludes: 'category:Financial',
    hints: { destructive: true, idempotent: false },
    weight: 2,
    explanation: 'The description says the tool moves crypto assets or native currency, swaps or bridges tokens, or deploys a token contract.',
  },
  {
    id: 'description.database-transaction',
    match: {
      kind: 'phrase',
      anchors: ['sql', 'database', 'databases', 'db', 'datastore', 'firestore', 'dynamodb', 'postgres', 'postgresql', 'mysql', 'sqlite', 'read', 'creating', 'updating', 'deleting', 'inserting', 'writing', '数据库', 'データベース', '데이터베이스'],
      pattern: /\b(?:sql|databases?|db|datastore|firestore|dynamodb|postgres(?:ql)?|mysql|sqlite|read and write operations|(?:creating|updating|deleting|inserting|writing),? (?:or |and )?(?:\w+,? (?:or |and )?){0,3}(?:data|records?|rows?|documents?|entities))\b|数据库|データベース|데이터베이스/i,
    },
    concludes: 'qualifier:not-money',
    weight: 2,
    explanation: 'The description works on a database or on records, so a transaction it names is a database transaction, not a payment.',
  },
  {
    id: 'name.database-transaction',
    match: { kind: 'name-token', tokens: ['sql', 'db', 'database', 'firestore', 'datastore', 'dynamodb', 'spanner'] },
    concludes: 'qualifier:not-money',
    weight: 1,
    explanation: 'The name says the tool works on a database, so a transaction it names is a database transaction, not a payment.',
  },
];
