// Messages of configuration errors.
import type { MessageTable } from '../index.js';

export const configMessages: MessageTable = {
  'config.notFound': {
    zh: '找不到配置文件 {{file}}',
    en: 'configuration file not found: {{file}}',
  },
  'config.malformed': {
    zh: '配置文件 {{file}} 不是有效的 JSON：{{reason}}',
    en: 'configuration file {{file}} is not valid JSON: {{reason}}',
  },
  'config.invalid': {
    zh: '配置文件 {{file}} 有误：{{problem}}',
    en: 'configuration file {{file}} is invalid: {{problem}}',
  },
  'config.unknownRule': {
    zh: '配置文件 {{file}} 中的规则“{{rule}}”不存在；运行 govcat rules 查看全部规则',
    en: 'configuration file {{file}} names an unknown rule "{{rule}}"; run govcat rules to list them',
  },
  'config.unknownExtends': {
    zh: '配置文件 {{file}} 继承的“{{name}}”不存在：可用 {{available}}',
    en: 'configuration file {{file}} extends an unknown "{{name}}": available are {{available}}',
  },
  'config.badRuleOptions': {
    zh: '配置文件 {{file}} 中规则“{{rule}}”的选项有误：{{problem}}',
    en: 'configuration file {{file}} gives invalid options to rule "{{rule}}": {{problem}}',
  },
};
