using System.Globalization;

namespace Repitbot.BotGateway.Bot;

/// <summary>Everything the bot says, in Russian and English. Arguments are escaped by the caller.</summary>
public static class Texts
{
    private static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["choose_role"] = ("👋 Здравствуйте! Это Repitbot — уроки, оплаты и домашние задания в Telegram. Кто вы?",
            "👋 Hello! This is Repitbot: lessons, payments and homework in Telegram. Who are you?"),
        ["btn_role_tutor"] = ("👩‍🏫 Я репетитор", "👩‍🏫 I am a tutor"),
        ["btn_role_student"] = ("🎓 Я ученик", "🎓 I am a student"),
        ["btn_role_parent"] = ("👪 Я родитель", "👪 I am a parent"),
        ["welcome_tutor"] = ("👋 Вы зарегистрированы как репетитор, {0}.", "👋 You are registered as a tutor, {0}."),
        ["welcome_student"] = ("👋 Вы зарегистрированы как ученик, {0}. Чтобы подключиться к репетитору, откройте ссылку-приглашение, которую он пришлёт (он создаёт её командой /invite).",
            "👋 You are registered as a student, {0}. To join your tutor, open the invite link they send you (they make it with /invite)."),
        ["welcome_parent"] = ("👋 Вы зарегистрированы как родитель, {0}. Чтобы получать новости об уроках ребёнка, откройте ссылку-приглашение от репетитора (он создаёт её командой /invite parent).",
            "👋 You are registered as a parent, {0}. To hear about your child's lessons, open the invite link from the tutor (they make it with /invite parent)."),
        ["welcome_back"] = ("👋 С возвращением, {0}!", "👋 Welcome back, {0}!"),
        ["joined_student"] = ("✅ Вы подключены к репетитору {0} как ученик.", "✅ You are now linked to tutor {0} as a student."),
        ["joined_parent"] = ("✅ Вы подключены к репетитору {0} как родитель ученика {1}.", "✅ You are now linked to tutor {0} as the parent of {1}."),
        ["invite_unknown"] = ("❌ Такого приглашения нет. Попросите репетитора прислать новую ссылку.", "❌ This invite does not exist. Ask your tutor for a new link."),
        ["invite_used"] = ("❌ Это приглашение уже использовано.", "❌ This invite has already been used."),
        ["invite_expired"] = ("❌ Срок действия приглашения истёк.", "❌ This invite has expired."),
        ["invite_for_tutor"] = ("❌ Репетитор не может подключиться как ученик.", "❌ A tutor cannot join as a student."),
        ["not_registered"] = ("Сначала отправьте /start.", "Send /start first."),
        ["tutors_only"] = ("Эта команда только для репетиторов.", "This command is for tutors only."),
        ["students_only"] = ("Эта команда только для учеников.", "This command is for students only."),
        ["help_tutor"] = ("""
            <b>Команды репетитора</b>
            /invite — ссылка-приглашение для ученика (/invite parent &lt;ученик&gt; — для родителя)
            /students — ваши ученики
            /schedule &lt;ученик&gt; &lt;ДД.ММ&gt; &lt;ЧЧ:ММ&gt; &lt;минуты&gt; [цена] — запланировать урок
            /lessons — запланированные уроки (провести, неявка, перенести, отменить)
            /done &lt;№&gt;, /noshow &lt;№&gt; — урок проведён / ученик не пришёл
            /move &lt;№&gt; &lt;ДД.ММ&gt; &lt;ЧЧ:ММ&gt; — перенести урок
            /cancel &lt;№&gt; &lt;причина&gt; — отменить урок
            /pay &lt;ученик&gt; &lt;сумма&gt; [наличные|карта|перевод|онлайн] [уроков] — записать оплату
            /homework &lt;ученик&gt; &lt;задание&gt; — задать домашнее задание
            /unlink &lt;ученик&gt; — отключить ученика
            /level &lt;ученик&gt; [уровень] — уровень ученика (CEFR A1–C2 или своя шкала: /scale)
            Документ, отправленный боту, становится материалом (в подписи — имя ученика, иначе для всех).
            /analytics — графики и PDF-отчёты
            /notifications, /quiet — уведомления
            /profile, /name, /lang, /tz, /email — профиль
            """, """
            <b>Tutor commands</b>
            /invite — invite link for a student (/invite parent &lt;student&gt; — for a parent)
            /students — your students
            /schedule &lt;student&gt; &lt;DD.MM&gt; &lt;HH:MM&gt; &lt;minutes&gt; [price] — schedule a lesson
            /lessons — scheduled lessons (done, no-show, move, cancel)
            /done &lt;#&gt;, /noshow &lt;#&gt; — lesson taught / student did not come
            /move &lt;#&gt; &lt;DD.MM&gt; &lt;HH:MM&gt; — reschedule a lesson
            /cancel &lt;#&gt; &lt;reason&gt; — cancel a lesson
            /pay &lt;student&gt; &lt;amount&gt; [cash|card|transfer|online] [lessons] — record a payment
            /homework &lt;student&gt; &lt;task&gt; — assign homework
            /unlink &lt;student&gt; — unlink a student
            /level &lt;student&gt; [level] — a student's level (CEFR A1–C2 or your own scale: /scale)
            A document sent to the bot becomes a material (caption: a student's name, otherwise for everyone).
            /analytics — charts and PDF reports
            /notifications, /quiet — notifications
            /profile, /name, /lang, /tz, /email — profile
            """),
        ["help_student"] = ("""
            <b>Команды ученика</b>
            /homework — домашние задания (сдать)
            /submit &lt;№&gt; — сдать задание
            /materials — материалы
            /level — ваш уровень
            /notifications, /quiet — уведомления
            /profile, /name, /lang, /tz, /email — профиль
            """, """
            <b>Student commands</b>
            /homework — homework (hand in)
            /submit &lt;#&gt; — hand in homework
            /materials — materials
            /level — your level
            /notifications, /quiet — notifications
            /profile, /name, /lang, /tz, /email — profile
            """),
        ["help_parent"] = ("""
            <b>Команды родителя</b>
            Уведомления об уроках, оплатах и заданиях ребёнка приходят сюда и на почту.
            /level — уровень ребёнка
            /notifications, /quiet — уведомления
            /profile, /name, /lang, /tz, /email — профиль
            """, """
            <b>Parent commands</b>
            News about your child's lessons, payments and homework comes here and by e-mail.
            /level — your child's level
            /notifications, /quiet — notifications
            /profile, /name, /lang, /tz, /email — profile
            """),
        ["help_new"] = ("Отправьте /start и выберите, кто вы: репетитор, ученик или родитель. Ученик или родитель может сразу открыть ссылку-приглашение от репетитора.",
            "Send /start and choose who you are: a tutor, a student or a parent. A student or parent may open the tutor's invite link instead."),
        ["unknown_command"] = ("Неизвестная команда {0}.", "Unknown command {0}."),
        ["form"] = ("⚠️ Неверный формат. Нужно так:\n{0}", "⚠️ Wrong format. Use:\n{0}"),
        ["form_schedule"] = ("/schedule &lt;ученик&gt; &lt;ДД.ММ&gt; &lt;ЧЧ:ММ&gt; &lt;минуты&gt; [цена]\nнапример: /schedule Аня 25.11 18:00 60 2000",
            "/schedule &lt;student&gt; &lt;DD.MM&gt; &lt;HH:MM&gt; &lt;minutes&gt; [price]\ne.g. /schedule Anna 25.11 18:00 60 2000"),
        ["form_when"] = ("&lt;ДД.ММ&gt; &lt;ЧЧ:ММ&gt; &lt;минуты&gt; [цена], например: 25.11 18:00 60 2000",
            "&lt;DD.MM&gt; &lt;HH:MM&gt; &lt;minutes&gt; [price], e.g. 25.11 18:00 60 2000"),
        ["form_move"] = ("/move &lt;№&gt; &lt;ДД.ММ&gt; &lt;ЧЧ:ММ&gt;, например: /move 1 26.11 19:00", "/move &lt;#&gt; &lt;DD.MM&gt; &lt;HH:MM&gt;, e.g. /move 1 26.11 19:00"),
        ["form_newtime"] = ("&lt;ДД.ММ&gt; &lt;ЧЧ:ММ&gt;, например: 26.11 19:00", "&lt;DD.MM&gt; &lt;HH:MM&gt;, e.g. 26.11 19:00"),
        ["form_cancel"] = ("/cancel &lt;№&gt; &lt;причина&gt;, например: /cancel 1 заболел", "/cancel &lt;#&gt; &lt;reason&gt;, e.g. /cancel 1 sick"),
        ["form_mark"] = ("/{0} &lt;№&gt; (номер из /lessons)", "/{0} &lt;#&gt; (number from /lessons)"),
        ["form_pay"] = ("/pay &lt;ученик&gt; &lt;сумма&gt; [наличные|карта|перевод|онлайн] [уроков]\nнапример: /pay Аня 8000 перевод 4",
            "/pay &lt;student&gt; &lt;amount&gt; [cash|card|transfer|online] [lessons]\ne.g. /pay Anna 8000 transfer 4"),
        ["form_amount"] = ("&lt;сумма&gt; [наличные|карта|перевод|онлайн] [уроков], например: 8000 перевод 4",
            "&lt;amount&gt; [cash|card|transfer|online] [lessons], e.g. 8000 transfer 4"),
        ["form_homework"] = ("/homework &lt;ученик&gt; &lt;задание&gt;, например: /homework Аня упр. 1–5 стр. 12",
            "/homework &lt;student&gt; &lt;task&gt;, e.g. /homework Anna ex. 1–5 p. 12"),
        ["form_submit"] = ("/submit &lt;№&gt; (номер из /homework)", "/submit &lt;#&gt; (number from /homework)"),
        ["form_invite"] = ("/invite или /invite parent &lt;ученик&gt;", "/invite or /invite parent &lt;student&gt;"),
        ["form_unlink"] = ("/unlink &lt;ученик&gt;", "/unlink &lt;student&gt;"),
        ["form_name"] = ("/name &lt;имя&gt;", "/name &lt;name&gt;"),
        ["form_lang"] = ("/lang ru или /lang en", "/lang ru or /lang en"),
        ["form_tz"] = ("/tz &lt;часовой пояс&gt;, например: /tz Europe/Moscow", "/tz &lt;time zone&gt;, e.g. /tz Europe/London"),
        ["form_email"] = ("/email &lt;адрес&gt; (или /email - чтобы удалить)", "/email &lt;address&gt; (or /email - to remove)"),
        ["no_students"] = ("У вас пока нет учеников. Пригласите: /invite", "You have no students yet. Invite one: /invite"),
        ["pick_student"] = ("Выберите ученика:", "Choose a student:"),
        ["student_unknown"] = ("❌ Ученик «{0}» не найден. Список: /students", "❌ No student matches “{0}”. See /students"),
        ["student_ambiguous"] = ("❌ «{0}» подходит нескольким ученикам — укажите номер из /students.", "❌ “{0}” matches several students — use the number from /students."),
        ["lesson_unknown"] = ("❌ Урока №{0} нет в списке /lessons.", "❌ There is no lesson #{0} in /lessons."),
        ["homework_unknown"] = ("❌ Задания №{0} нет в списке /homework.", "❌ There is no homework #{0} in /homework."),
        ["students_list"] = ("<b>Ваши ученики</b>", "<b>Your students</b>"),
        ["no_lessons"] = ("Запланированных уроков нет. /schedule", "No scheduled lessons. /schedule"),
        ["lessons_list"] = ("<b>Запланированные уроки</b>", "<b>Scheduled lessons</b>"),
        ["minutes"] = ("{0} мин", "{0} min"),
        ["lesson_actions"] = ("Урок: {0}. Что сделать?", "Lesson: {0}. What to do?"),
        ["btn_done"] = ("✅ Проведён", "✅ Done"),
        ["btn_noshow"] = ("🚫 Неявка", "🚫 No-show"),
        ["btn_move"] = ("🔁 Перенести", "🔁 Move"),
        ["btn_cancel"] = ("❌ Отменить", "❌ Cancel"),
        ["btn_submit"] = ("📤 Сдать", "📤 Hand in"),
        ["ask_when"] = ("Ученик: {0}. Когда и сколько? {1}", "Student: {0}. When and how long? {1}"),
        ["ask_newtime"] = ("Новое время для урока {0}: {1}", "New time for lesson {0}: {1}"),
        ["ask_reason"] = ("Причина отмены урока {0}?", "Why is lesson {0} cancelled?"),
        ["ask_amount"] = ("Ученик: {0}. Сумма? {1}", "Student: {0}. Amount? {1}"),
        ["bad_date"] = ("❌ Не понимаю дату и время «{0}».", "❌ Cannot read the date and time “{0}”."),
        ["invalid"] = ("❌ Не записано: {0}", "❌ Not recorded: {0}"),
        ["conflict"] = ("❌ Не записано: это уже записано по-другому.", "❌ Not recorded: this was already recorded differently."),
        ["lesson_not_found"] = ("❌ Урок не найден.", "❌ Lesson not found."),
        ["lesson_not_scheduled"] = ("❌ Этот урок уже отменён или проведён.", "❌ This lesson is already cancelled or done."),
        ["student_not_linked"] = ("❌ Этот ученик не подключён к вам.", "❌ This student is not linked to you."),
        ["homework_not_found"] = ("❌ Задание не найдено.", "❌ Homework not found."),
        ["material_not_found"] = ("❌ Материал не найден.", "❌ Material not found."),
        ["scheduled"] = ("✅ Урок запланирован\nУченик: {0}\nКогда: {1} ({2})\nДлительность: {3} мин\nЦена: {4}",
            "✅ Lesson scheduled\nStudent: {0}\nWhen: {1} ({2})\nDuration: {3} min\nPrice: {4}"),
        ["scheduled_in_past"] = ("⚠️ Это время уже прошло: урок записан, но напоминаний о нём не будет. Если дата неверна — /move или /cancel.",
            "⚠️ This time has already passed: the lesson is recorded, but no reminders will be sent. If the date is wrong, use /move or /cancel."),
        ["rescheduled"] = ("✅ Урок перенесён\nУченик: {0}\nБыло: {1}\nСтало: {2} ({3}), {4} мин",
            "✅ Lesson rescheduled\nStudent: {0}\nWas: {1}\nNow: {2} ({3}), {4} min"),
        ["cancelled"] = ("✅ Урок отменён\nУченик: {0}\nКогда: {1}\nПричина: {2}", "✅ Lesson cancelled\nStudent: {0}\nWhen: {1}\nReason: {2}"),
        ["completed"] = ("✅ Урок проведён\nУченик: {0}\nМинут: {1}", "✅ Lesson done\nStudent: {0}\nMinutes: {1}"),
        ["noshow"] = ("✅ Отмечена неявка\nУченик: {0}", "✅ No-show recorded\nStudent: {0}"),
        ["paid"] = ("✅ Оплата записана\nУченик: {0}\nСумма: {1}\nСпособ: {2}\nУроков: {3}", "✅ Payment recorded\nStudent: {0}\nAmount: {1}\nMethod: {2}\nLessons: {3}"),
        ["assigned"] = ("✅ Задание выдано\nУченик: {0}\nЗадание: {1}", "✅ Homework assigned\nStudent: {0}\nTask: {1}"),
        ["submitted"] = ("✅ Задание сдано: {0}", "✅ Homework handed in: {0}"),
        ["shared"] = ("✅ Материал добавлен\nНазвание: {0}\nДля: {1}", "✅ Material shared\nTitle: {0}\nFor: {1}"),
        ["all_students"] = ("всех учеников", "all students"),
        ["invite_created"] = ("🔗 Ссылка-приглашение ({0}, одноразовая, действует до {1}):\n{2}", "🔗 Invite link ({0}, single use, valid until {1}):\n{2}"),
        ["role_student"] = ("для ученика", "for a student"),
        ["role_parent"] = ("для родителя ученика {0}", "for the parent of {0}"),
        ["unlinked"] = ("✅ Ученик {0} отключён. История сохранена.", "✅ {0} is unlinked. History is kept."),
        ["no_homework"] = ("Несданных заданий нет.", "No homework to hand in."),
        ["homework_list"] = ("<b>Домашние задания</b>", "<b>Homework</b>"),
        ["no_materials"] = ("Материалов пока нет.", "No materials yet."),
        ["materials_list"] = ("<b>Материалы</b>", "<b>Materials</b>"),
        ["profile"] = ("<b>Профиль</b>\nИмя: {0}\nЯзык: {1}\nЧасовой пояс: {2}\nE-mail: {3}", "<b>Profile</b>\nName: {0}\nLanguage: {1}\nTime zone: {2}\nE-mail: {3}"),
        ["saved_name"] = ("✅ Теперь вас зовут {0}.", "✅ Your name is now {0}."),
        ["saved_lang"] = ("✅ Язык: русский. Уведомления тоже будут приходить по-русски.", "✅ Language: English. Notifications will come in English too."),
        ["saved_tz"] = ("✅ Часовой пояс: {0} (там сейчас {1}). Время уроков и уведомлений — по нему.",
            "✅ Time zone: {0} (it is {1} there now). Lesson and notification times follow it."),
        ["saved_email"] = ("✅ Письма будут приходить на {0}.", "✅ E-mails will go to {0}."),
        ["saved_no_email"] = ("✅ Адрес удалён, письма приходить не будут.", "✅ The address is removed; no e-mails will be sent."),
        ["quiet_hours"] = ("Тихие часы: {0}–{1} ({2}); что придёт в это время, будет отправлено в {1}.",
            "Quiet hours: {0}–{1} ({2}); anything due then is sent at {1}."),
        ["quiet_none"] = ("Тихие часы не заданы.", "No quiet hours set."),
        ["none"] = ("—", "—"),
        ["language_name"] = ("русский", "English"),
        ["analytics_area"] = ("📊 Что показать?", "📊 What to show?"),
        ["analytics_period"] = ("📊 {0}: за какой период?", "📊 {0}: which period?"),
        ["days"] = ("{0} дн.", "{0} days"),
        ["area_lessons"] = ("Уроки", "Lessons"),
        ["area_payments"] = ("Оплаты", "Payments"),
        ["area_students"] = ("Ученики", "Students"),
        ["area_homework"] = ("Домашние задания", "Homework"),
        ["area_materials"] = ("Материалы", "Materials"),
        // Periods are 7, 30 or 90 days: "дней" is right for each.
        ["chart_caption"] = ("📊 {0} за последние {1} дней", "📊 {0}, last {1} days"),
        ["cap_lessons"] = ("Запланировано уроков: {0}, проведено: {1}, неявок: {2}, отменено: {3}.",
            "Lessons scheduled: {0}, held: {1}, no-shows: {2}, cancelled: {3}."),
        ["cap_attendance"] = ("Посещаемость: {0}, часов занятий: {1}.", "Attendance: {0}, hours taught: {1}."),
        ["cap_hours"] = ("Часов занятий: {0}.", "Hours taught: {0}."),
        ["cap_no_payments"] = ("Оплат за этот период не было.", "No payments in this period."),
        ["cap_revenue"] = ("Выручка: {0}, оплат: {1}{2}.", "Revenue: {0}, payments: {1}{2}."),
        ["cap_refunds"] = (", возвраты: {0}", ", refunds: {0}"),
        ["cap_debtors"] = ("Должников: {0}, долг всего: {1}.", "Students owing: {0}, {1} in total."),
        ["cap_no_debtors"] = ("Должников нет.", "Nobody owes you."),
        ["cap_active_students"] = ("Активных учеников: {0}.", "Active students: {0}."),
        ["cap_homework"] = ("Задано заданий: {0}, сдано: {1}, проверено: {2}.", "Homework assigned: {0}, handed in: {1}, graded: {2}."),
        ["cap_average_score"] = ("Средний балл: {0} из 100.", "Average score: {0}/100."),
        ["cap_no_scores"] = ("Оценок пока нет.", "No grades yet."),
        ["cap_students"] = ("Новых учеников: {0}. Занимались за последнюю неделю: {1}, за месяц: {2}.",
            "New students: {0}. Active in the last week: {1}, in the last month: {2}."),
        ["cap_churn"] = ("Могут уйти: {0}.", "At risk of leaving: {0}."),
        ["cap_materials"] = ("Выдано материалов: {0}, открыто: {1}, просмотров: {2}.", "Materials shared: {0}, opened: {1}, views: {2}."),
        ["report_progress"] = ("⏳ Готовлю отчёт…", "⏳ Preparing the report…"),
        ["report_progress_percent"] = ("⏳ Готовлю отчёт… {0} %", "⏳ Preparing the report… {0} %"),
        ["report_failed"] = ("❌ Не удалось подготовить отчёт. Попробуйте позже или выберите период короче.",
            "❌ The report could not be prepared. Try again later or pick a shorter period."),
        ["report_timeout"] = ("⌛ Отчёт готовится слишком долго. Попробуйте позже.", "⌛ The report is taking too long. Try again later."),
        ["report_done"] = ("✅ Отчёт готов.", "✅ The report is ready."),
        ["no_pdf"] = ("PDF для этого раздела пока нет.", "There is no PDF for this area yet."),
        ["service_unavailable"] = ("⚠️ Сервис временно недоступен, попробуйте позже.", "⚠️ The service is unavailable right now; try again later."),
        ["notifications"] = ("<b>Уведомления</b>\nЯзык: {0} (/lang)\nЧасовой пояс: {1} (/tz)\nE-mail: {2} (/email)\n{3} Изменить: /quiet 22:00 08:00 или /quiet off\nНажмите, чтобы включить или выключить канал или вид уведомлений (🔔 — приходят, 🔕 — нет):",
            "<b>Notifications</b>\nLanguage: {0} (/lang)\nTime zone: {1} (/tz)\nE-mail: {2} (/email)\n{3} Change: /quiet 22:00 08:00 or /quiet off\nPress to switch a channel or a kind of notification on or off (🔔 on, 🔕 off):"),
        ["pref_emailEnabled"] = ("E-mail", "E-mail"),
        ["pref_telegramEnabled"] = ("Telegram", "Telegram"),
        ["pref_dailyDigest"] = ("Ежедневная сводка", "Daily digest"),
        ["ntype_lesson-scheduled"] = ("Новый урок", "Lesson scheduled"),
        ["ntype_lesson-rescheduled"] = ("Перенос урока", "Lesson moved"),
        ["ntype_lesson-cancelled"] = ("Отмена урока", "Lesson cancelled"),
        ["ntype_lesson-reminder"] = ("Напоминание", "Lesson reminder"),
        ["ntype_lesson-completed"] = ("Урок проведён", "Lesson completed"),
        ["ntype_homework-assigned"] = ("Новое ДЗ", "Homework assigned"),
        ["ntype_homework-graded"] = ("Оценка за ДЗ", "Homework graded"),
        ["ntype_payment-received"] = ("Оплата", "Payment received"),
        ["ntype_balance-low"] = ("Мало оплаченных уроков", "Balance low"),
        ["ntype_student-linked"] = ("Новый ученик", "Student linked"),
        ["ntype_material-shared"] = ("Материалы", "Material shared"),
        ["btn_test"] = ("🧪 Тестовое уведомление", "🧪 Test notification"),
        ["test_requested"] = ("🧪 Тестовое уведомление отправлено.", "🧪 A test notification is on its way."),
        ["form_quiet"] = ("/quiet &lt;ЧЧ:ММ&gt; &lt;ЧЧ:ММ&gt; или /quiet off", "/quiet &lt;HH:MM&gt; &lt;HH:MM&gt; or /quiet off"),
        // Study levels (/level, /scale) and the student rating in the students caption.
        ["students_level_hint"] = ("Уровень ученика: /level &lt;№&gt; &lt;уровень&gt;, например /level 1 B1.",
            "A student's level: /level &lt;#&gt; &lt;level&gt;, e.g. /level 1 B1."),
        ["level_now"] = ("🎓 {0} — уровень {1} (с {2}).", "🎓 {0}: level {1} (since {2})."),
        ["level_none"] = ("🎓 {0} — уровень пока не указан.", "🎓 {0}: no level set yet."),
        ["level_history"] = ("История:", "History:"),
        ["level_history_line"] = ("{0}: {1} → {2}", "{0}: {1} → {2}"),
        ["level_pick"] = ("Нажмите новый уровень или отправьте /level {0} &lt;уровень&gt;.", "Press the new level or send /level {0} &lt;level&gt;."),
        ["level_unset"] = ("не указан", "not set"),
        ["level_saved"] = ("✅ Уровень сохранён\nУченик: {0}\nУровень: {1}\nБыл: {2}", "✅ Level saved\nStudent: {0}\nLevel: {1}\nWas: {2}"),
        ["level_unchanged"] = ("ℹ️ Без изменений: {0} уже на уровне {1}.", "ℹ️ No change: {0} is already at level {1}."),
        ["level_unknown"] = ("❌ Уровня «{0}» нет в вашей шкале. Уровни: {1}.\nНапример: /level {2} {3}",
            "❌ “{0}” is not on your scale. Levels: {1}.\nE.g. /level {2} {3}"),
        ["own_level"] = ("🎓 Ваш уровень: {0} (с {1}).", "🎓 Your level: {0} (since {1})."),
        ["own_level_none"] = ("🎓 Репетитор пока не указал ваш уровень.", "🎓 Your tutor has not set your level yet."),
        ["child_level_none"] = ("🎓 {0} — репетитор пока не указал уровень.", "🎓 {0}: the tutor has not set a level yet."),
        ["child_level_no_children"] = ("🎓 К вам пока не привязан ни один ученик. Попросите у репетитора ссылку-приглашение для родителя.",
            "🎓 No student is linked to you yet. Ask the tutor for a parent's invite link."),
        ["scale_now"] = ("Шкала уровней: {0}.\nСвоя шкала: /scale Начальный, Средний, Продвинутый (через запятую, от низшего к высшему); вернуть CEFR: /scale cefr",
            "Level scale: {0}.\nYour own: /scale Beginner, Intermediate, Advanced (comma-separated, lowest first); back to CEFR: /scale cefr"),
        ["cap_ratings"] = ("Рейтинг (из 100): {0}.", "Rating (out of 100): {0}."),
        ["cap_ratings_more"] = (" и ещё {0}", " and {0} more"),
        ["scale_saved"] = ("✅ Шкала уровней сохранена: {0}.", "✅ Level scale saved: {0}."),
        ["scale_saved_cefr"] = ("✅ Шкала уровней: CEFR ({0}).", "✅ Level scale: CEFR ({0})."),
        ["scale_invalid"] = ("❌ Шкала не сохранена: нужно от 2 до 20 разных названий (до 32 символов) через запятую.\nНапример: /scale Начальный, Средний, Продвинутый",
            "❌ Scale not saved: give 2 to 20 different names (up to 32 characters) separated by commas.\nE.g. /scale Beginner, Intermediate, Advanced"),
    };

    public static string Get(string locale, string key, params object?[] args)
    {
        var (ru, en) = All.TryGetValue(key, out var text) ? text : (key, key);
        var template = locale == "en" ? en : ru;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
