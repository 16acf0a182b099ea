#!/usr/bin/env python3
"""The browser tests of scripts/browser (see there). Arguments: BASE HOUSEHOLD SHOTS_DIR, then
the dates of the home check, data matching, appraisal, the notice's first and last day, the
notice step, the township review and the county approval, and the upload folder (its files and
`numbers`: the household numbers of its good and its rejected household)."""
import os, sqlite3, sys, time, traceback
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

base, household, shots = sys.argv[1], sys.argv[2], sys.argv[3]
home_check, matching, appraisal, notice_from, notice_to, notice_step, township_day, county_day = sys.argv[4:12]
upload, database = sys.argv[12], sys.argv[13]
good_household, rejected_household = open(os.path.join(upload, "numbers")).read().split()
PASSWORD = "hengyang-demo-2020"

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1000", "--lang=zh-CN"]:
    options.add_argument(a)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(60)
passed = 0


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def ok(what):
    global passed
    passed += 1
    print(f"  ok - browser: {what}")


def and_wait(action):
    """Runs `action` (a click or a submit) and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    action()

    def replaced(_):
        # Chromium says so either as a stale reference or as a node outside the document.
        try:
            page.is_enabled()
            return False
        except Exception:
            return True

    WebDriverWait(driver, 30).until(replaced)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def go(path):
    driver.get(base + path)


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def sign_in(user):
    driver.delete_all_cookies()
    go("/login")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    and_wait(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click)
    check("/login" not in driver.current_url, f"{user} signed in")


def set_value(element_id, value):
    element = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].value = arguments[1]", element, value)


def step_form():
    return driver.find_element(By.CSS_SELECTOR, "form.step[action*='/cases/']")


def record_step(date, **fields):
    """Fills the current step's form on the household page and submits it."""
    form = step_form()
    reference = form.get_attribute("action").split("/cases/")[1].split("/")[0]
    set_value(f"date-{reference}", date)
    if "notice" in fields:
        set_value(f"from-{reference}", fields["notice"][0])
        set_value(f"to-{reference}", fields["notice"][1])
        driver.find_element(By.ID, f"objections-{reference}").click()
    if fields.get("consent"):
        driver.find_element(By.ID, f"consent-{reference}").click()
    if "category" in fields:
        Select(driver.find_element(By.ID, f"category-{reference}")).select_by_value(fields["category"])
    and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    return reference


def no_horizontal_scroll(path):
    go(path)
    width = driver.execute_script("return document.documentElement.clientWidth")
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    check(scroll <= width, f"{path} scrolls sideways at 390 px ({scroll} > {width})")


def printed_without_navigation(path):
    go(path)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = driver.execute_script("return getComputedStyle(document.querySelector('header.top')).display")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    check(hidden == "none", f"{path} prints its navigation")


try:
    sign_in("county.office")
    go("/?as-of=2020-10-15")
    body = text()
    check("耒阳市 脱贫攻坚数据（截至 2020-10-15）" in body and "14,466 户" in body and "1,012 户" in body and "0.18%" in body, "Leiyang on 2020-10-15")
    check("公布 14,466 户 · 43,172 人 · 一致" in body, "the published figures beside them")
    go("/")
    check("耒阳市 脱贫攻坚数据" in text() and "2020-10-15" not in driver.find_element(By.TAG_NAME, "h1").text, "today's figures")
    ok("the county office signs in and sees 耒阳's figures of 2020-10-15 (beside the published ones) and of today")

    and_wait(driver.find_element(By.CSS_SELECTOR, "a.lang").click)
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en" and "poverty alleviation figures" in text(), "English")
    go("/households")
    check("Households" in driver.find_element(By.TAG_NAME, "h1").text, "English is remembered")
    and_wait(driver.find_element(By.CSS_SELECTOR, "a.lang").click)
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN", "back to Chinese")
    ok("the language switch, remembered from page to page")

    go("/households")
    box = driver.find_element(By.ID, "q")
    box.send_keys(household)
    and_wait(box.submit)
    check("共 1 户" in text(), "the search finds the household")
    check(all("*" in cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.list td.code")), "ID numbers masked in the list")
    and_wait(driver.find_element(By.LINK_TEXT, household).click)
    check(f"户 {household}" in driver.find_element(By.TAG_NAME, "h1").text and "当前步骤：入户核实（村级）" in text(), "the household's page")
    ok("search by household number, ID numbers masked, the household opened with its open case")

    driver.find_element(By.CSS_SELECTOR, "details.edit summary").click()
    phone = driver.find_element(By.ID, "edit-phone")
    phone.clear()
    phone.send_keys("call me")
    and_wait(phone.submit)
    check(driver.find_element(By.ID, "edit-phone").get_attribute("aria-invalid") == "true"
          and driver.find_element(By.ID, "edit-phone-error").is_displayed(), "the bad phone is named at its field")
    phone = driver.find_element(By.ID, "edit-phone")
    phone.clear()
    phone.send_keys("13800000000")
    and_wait(phone.submit)
    check("已保存" in text() and "13800000000" in text(), "the corrected phone is saved")
    ok("an edit refused with the reason at its field, then corrected and saved")

    sign_in("village.cadre")
    go(f"/households/{household}")
    reference = record_step(home_check)
    alert = driver.find_element(By.ID, f"error-{reference}")
    check("授权" in alert.text, "the home check without consent is refused at its form")
    record_step(home_check, consent=True)
    check("步骤已记录" in text(), "the home check is recorded")
    ok("a step refused with its reason at the form, then accepted")
    for day in (matching, appraisal):
        record_step(day)
        check("步骤已记录" in text(), f"step of {day}")
    record_step(notice_step, notice=(notice_from, notice_to))
    check("当前步骤：乡镇审核（乡镇）" in text(), "at the township review")
    sign_in("township.officer")
    go(f"/households/{household}")
    record_step(township_day)
    check("当前步骤：县级审定（县级）" in text(), "at the county approval")
    sign_in("county.office")
    go(f"/households/{household}")
    record_step(county_day, category="unstableExited")
    body = text()
    check("步骤已记录" in body and "当前步骤" not in body and "脱贫不稳定户" in body, "approved: under monitoring as 脱贫不稳定户")
    ok("a monitoring identification from lead to county approval across the village cadre, the township officer and the county office")

    go("/uploads")
    files = driver.find_element(By.ID, "files")
    files.send_keys("\n".join(os.path.join(upload, f) for f in ["households.csv", "status_events.csv", "members.csv"]))
    and_wait(files.submit)
    WebDriverWait(driver, 90).until(lambda d: "已校验" in d.find_element(By.ID, "upload-state").text)
    body = text()
    check("members.csv" in body and "身份证号校验位错误" in body and "3 行不能导入" in body and "可导入 3 行" in body,
          "the check's report names the bad row, its field and reason")
    check(not driver.find_elements(By.ID, "commit"), "no import of every row when a row was rejected")
    upload_page = driver.current_url
    and_wait(driver.find_element(By.ID, "commit-partial").click)
    WebDriverWait(driver, 90).until(lambda d: "已导入" in d.find_element(By.ID, "upload-state").text)
    check("已导入 3 行" in text(), "the good household's rows imported")
    go(f"/households?q={good_household}")
    check("共 1 户" in text(), "the good household is in the registry")
    go(f"/households?q={rejected_household}")
    check("共 0 户" in text(), "the rejected household is not")
    ok("an upload checked row by row, its rejected row shown at file, line and field, then only the good household imported")

    # The rectification ledger: recorded by the county office, rectified with evidence by the
    # township officer, closure refused to the same role, then closed by the county office.
    sign_in("county.office")
    go("/findings")
    set_value("new-area", "430481100200")
    Select(driver.find_element(By.ID, "new-source")).select_by_value("unannouncedVisit")
    Select(driver.find_element(By.ID, "new-category")).select_by_value("data")
    driver.find_element(By.ID, "new-unit").send_keys("黄市镇人民政府")
    set_value("new-deadline", driver.find_element(By.ID, "new-found").get_attribute("value"))
    driver.find_element(By.ID, "new-description").send_keys("浏览器检查：村级公示栏信息未及时更新")
    and_wait(driver.find_element(By.CSS_SELECTOR, "form.step[action='/findings'] button[type=submit]").click)
    check("问题已登记" in text(), "the finding is recorded")
    finding = driver.current_url.split("?")[0]

    def finding_step(kind, evidence=""):
        Select(driver.find_element(By.ID, "step-kind")).select_by_value(kind)
        if evidence:
            driver.find_element(By.ID, "step-evidence").send_keys(evidence)
        and_wait(driver.find_element(By.CSS_SELECTOR, "form.step[action$='/step'] button[type=submit]").click)

    sign_in("township.officer")
    driver.get(finding)
    finding_step("rectified", "更新后的公示栏照片 2 张")
    check("已报告整改完成" in text(), "rectified by the township")
    finding_step("closed")
    check("验收销号须由整改人以外的其他角色办理" in driver.find_element(By.ID, "step-error").text, "closure refused to the rectifier's role")
    sign_in("county.office")
    driver.get(finding)
    finding_step("closed")
    body = text()
    check("已验收销号" in body and "更新后的公示栏照片 2 张" in body, "closed by the county office, the evidence on record")
    ok("a finding recorded, rectified with evidence by the township, its closure refused to the same role, closed by the county")

    # A field visit offline: the county office starts a sweep of the cadre's village; the cadre
    # opens the field form (its service worker keeps it), loses the connection, records a visit
    # (kept on the device), and the visit reaches the server once the connection is back. A
    # resend of the same visit (as after a lost answer) is taken as the same visit.
    village = household[:12]
    sign_in("county.office")
    go("/campaigns")
    Select(driver.find_element(By.ID, "create-kind")).select_by_value("concentratedSweep")
    set_value("create-area", village)
    driver.find_element(By.ID, "create-title").send_keys("浏览器检查：离线走访")
    and_wait(driver.find_element(By.CSS_SELECTOR, "form.step[action='/campaigns'] button[type=submit]").click)
    check("已发起走访活动" in text(), "the campaign is started")
    campaign_page = driver.current_url.split("?")[0]
    campaign = campaign_page.rsplit("/", 1)[1]
    county, number = campaign.split("-")

    def visits():
        db = sqlite3.connect(database)
        try:
            return db.execute("SELECT COUNT(*) FROM campaign_visit WHERE county_code = ? AND campaign_number = ?", (county, int(number))).fetchone()[0]
        finally:
            db.close()

    sign_in("village.cadre")
    driver.get(campaign_page + "/field")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return navigator.serviceWorker.ready.then(function () { return true; })"))
    driver.get(campaign_page + "/field")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
    driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    try:
        driver.get(campaign_page + "/field")
        check(driver.find_elements(By.ID, "visit-form"), "the field form opens offline")
        Select(driver.find_element(By.ID, "visit-household")).select_by_value(household)
        driver.find_element(By.ID, "g-safeHousing").click()
        driver.find_element(By.ID, "visit-note").send_keys("浏览器检查：离线登记")
        driver.find_element(By.CSS_SELECTOR, "#visit-form button[type=submit]").click()
        WebDriverWait(driver, 30).until(lambda d: "暂无网络" in d.find_element(By.ID, "field-status").text)
        check(len(driver.find_elements(By.CSS_SELECTOR, "#queue li")) == 1 and visits() == 0, "kept on the device, not yet on the server")
        kept = driver.execute_script("return localStorage.getItem('tuopin.visits.village.cadre.' + arguments[0])", campaign)
    finally:
        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    WebDriverWait(driver, 30).until(lambda d: "已上报 1 条" in d.find_element(By.ID, "field-status").text)
    check(visits() == 1 and not driver.find_elements(By.CSS_SELECTOR, "#queue li"), "sent once the connection is back")
    driver.execute_script("localStorage.setItem('tuopin.visits.village.cadre.' + arguments[0], arguments[1])", campaign, kept)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return localStorage.getItem('tuopin.visits.village.cadre.' + arguments[0])", campaign) == "[]")
    check(visits() == 1, "the same visit sent again is counted once")
    driver.get(campaign_page)
    check("已走访 1 户" in driver.find_element(By.ID, "coverage").text and "住房安全有保障" in text(), "counted once, its difference for the township")
    ok("a visit recorded offline reaches the server when the connection is back, counted once")

    driver.set_window_size(390, 900)
    for path in ["/", "/?area=430481100&as-of=2020-10-15", "/households", f"/households/{household}", "/audit", "/notices", "/reports?report=R-06&as-of=2020-10-15", "/uploads", "/worklist",
                 "/findings", finding.replace(base, ""), "/surveys", "/petitions", upload_page.replace(base, ""),
                 "/campaigns", campaign_page.replace(base, ""), campaign_page.replace(base, "") + "/field"]:
        no_horizontal_scroll(path)
    driver.set_window_size(1200, 1000)
    ok("no page scrolls sideways at 390 px")
    for path in ["/", "/households", f"/households/{household}"]:
        printed_without_navigation(path)
    ok("pages print without the navigation")
    print(f"browser: {passed} passed")
except Exception:
    path = os.path.join(shots, f"failure-{int(time.time())}.png")
    driver.save_screenshot(path)
    with open(path.replace(".png", ".html"), "w", encoding="utf-8") as f:
        f.write(driver.page_source)
    traceback.print_exc()
    print(f"browser FAILED after {passed} passed; screenshot: {path} (page {driver.current_url})", file=sys.stderr)
    sys.exit(1)
finally:
    driver.quit()
